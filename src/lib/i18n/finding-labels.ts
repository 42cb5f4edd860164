import { m } from '$lib/paraglide/messages.js';
import type { Finding, IdentifierKind } from '$lib/domain/identifiers';
import { formatDateTime, type AppLocale } from '$lib/domain/format/datetime';

const IDENTIFIER_KINDS: Record<IdentifierKind, () => string> = {
	cpr: m.idKindCpr,
	phone: m.idKindPhone,
	email: m.idKindEmail,
	address: m.idKindAddress,
	plate: m.idKindPlate,
	name: m.idKindName
};

/** The user's words for what an identifier is ("CPR number", "phone number"). */
export function identifierKindName(kind: IdentifierKind): string {
	return IDENTIFIER_KINDS[kind]();
}

const TABLES: Record<string, () => string> = {
	notes: () => m.findTableNote(),
	places: () => m.findTablePlace(),
	placeRevisions: () => m.findTablePlaceHistory(),
	participants: () => m.findTableParticipant(),
	followAlongs: () => m.findTableFollowAlong(),
	stops: () => m.findTableStop(),
	codes: () => m.findTableCode(),
	ethnographers: () => m.findTableTeamMember(),
	boundaries: () => m.findTableOutline(),
	interviews: () => m.findTableInterview(),
	namedPlaces: () => m.findTableNamedPlace()
};

const FIELDS: Record<string, () => string> = {
	text: () => m.findFieldText(),
	placeLabel: () => m.findFieldPlace(),
	name: () => m.findFieldName(),
	aliases: () => m.findFieldAlias(),
	officialName: () => m.findFieldOfficialName(),
	description: () => m.findFieldDescription(),
	code: () => m.findFieldCode(),
	companions: () => m.findFieldCompanions(),
	ownName: () => m.findFieldOwnName(),
	present: () => m.findFieldPresent(),
	label: () => m.findFieldLabel(),
	definition: () => m.findFieldDefinition(),
	displayName: () => m.findFieldName(),
	sourceName: () => m.findFieldFile(),
	note: () => m.findFieldNote(),
	notes: () => m.findFieldNotes(),
	quotes: () => m.findFieldQuote(),
	period: () => m.findFieldPeriod(),
	prompts: () => m.findFieldPrompt()
};

/** "Note · 2 Apr 2025 12:00 · text" — which record and which field a finding is in. */
export function findingPlace(f: Finding, locale: AppLocale): string {
	const table = TABLES[f.table]?.() ?? f.table;
	const label =
		f.label.kind === 'time' ? formatDateTime(f.label.at, locale) : f.label.text.slice(0, 60);
	// "aliases.2" → aliases; "changes.0.to.1" → the field that changed is not known here: "history".
	const key = f.field.split('.')[0]!;
	const field = key === 'changes' ? '' : (FIELDS[key]?.() ?? key);
	const parts = [table, label, field].filter(Boolean).join(' · ');
	return f.inTrash ? m.findInTrash({ where: parts }) : parts;
}

/** "2 CPR numbers, 1 phone number". */
export function findingCounts(counts: Partial<Record<IdentifierKind, number>>): string {
	return Object.entries(counts)
		.map(([kind, count]) =>
			m.findCount({ count: count!, kind: identifierKindName(kind as IdentifierKind) })
		)
		.join(', ');
}

const IDENTIFIER_PLACEHOLDERS: Record<IdentifierKind, () => string> = {
	cpr: m.idPlaceholderCpr,
	phone: m.idPlaceholderPhone,
	email: m.idPlaceholderEmail,
	address: m.idPlaceholderAddress,
	plate: m.idPlaceholderPlate,
	name: m.idPlaceholderName
};

/** What Redact leaves in the text: short, bracketed, in the writer's language. */
export function identifierPlaceholder(kind: IdentifierKind): string {
	return IDENTIFIER_PLACEHOLDERS[kind]();
}
