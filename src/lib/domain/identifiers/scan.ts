import { findAddresses } from './address';
import { findCpr } from './cpr';
import { findEmails, findSpelledEmails } from './email';
import { IDENTIFIER_KINDS, resolveOverlaps, type IdentifierHit, type IdentifierKind } from './hits';
import { findNames } from './names';
import { findPhones } from './phone';
import { findPlates } from './plate';

export interface ScanOptions {
	/** The project's names that must never appear. */
	names?: readonly string[];
	/** Only these kinds (all by default). */
	kinds?: readonly IdentifierKind[];
	/** "Today" for the CPR date check (a date of birth cannot be in the future). */
	now?: number;
}

/**
 * Direct identifiers in free text, in text order and never overlapping, for the editor to
 * highlight (with a one-tap Redact) and for exports to list before anything is written.
 */
export function scanIdentifiers(text: string, options: ScanOptions = {}): IdentifierHit[] {
	const kinds = new Set(options.kinds ?? IDENTIFIER_KINDS);
	const hits: IdentifierHit[] = [];
	if (kinds.has('email')) hits.push(...findEmails(text), ...findSpelledEmails(text));
	if (kinds.has('cpr')) hits.push(...findCpr(text, options.now));
	if (kinds.has('phone')) hits.push(...findPhones(text));
	if (kinds.has('plate')) hits.push(...findPlates(text));
	if (kinds.has('address')) hits.push(...findAddresses(text));
	if (kinds.has('name') && options.names?.length) hits.push(...findNames(text, options.names));
	return resolveOverlaps(hits);
}
