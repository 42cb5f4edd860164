import type { IdentifierHit, IdentifierKind } from './hits';
import { scanIdentifiers, type ScanOptions } from './scan';

/**
 * Placeholders left where an identifier was. They go into the note text itself, so they are
 * short, bracketed and the same in every language; a UI may pass its own.
 */
export const PLACEHOLDERS: Record<IdentifierKind, string> = {
	cpr: '[CPR]',
	phone: '[phone]',
	email: '[e-mail]',
	address: '[address]',
	plate: '[plate]',
	name: '[name]'
};

/**
 * Replaces each hit with its placeholder. A hit whose text no longer matches the source (the text
 * changed after the scan) is left alone rather than cutting the wrong characters: scan again.
 */
export function redact(
	text: string,
	hits: readonly IdentifierHit[],
	placeholder: (kind: IdentifierKind) => string = (kind) => PLACEHOLDERS[kind]
): string {
	const ordered = [...hits].sort((a, b) => a.start - b.start);
	const out: string[] = [];
	let at = 0;
	for (const h of ordered) {
		if (h.start < at || text.slice(h.start, h.end) !== h.text) continue;
		out.push(text.slice(at, h.start), placeholder(h.kind));
		at = h.end;
	}
	out.push(text.slice(at));
	return out.join('');
}

/** Scans and redacts in one go (for an export that strips rather than lists). */
export function redactIdentifiers(text: string, options?: ScanOptions): string {
	return redact(text, scanIdentifiers(text, options));
}
