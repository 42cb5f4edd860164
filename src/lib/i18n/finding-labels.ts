import { m } from '$lib/paraglide/messages.js';
import type { Finding, IdentifierKind } from '$lib/domain/identifiers';
import { formatDateTime, type AppLocale } from '$lib/domain/format/datetime';

/** The user's words for what an identifier is ("CPR number", "phone number"). */
export function identifierKindName(kind: IdentifierKind): string {
	switch (kind) {
		case 'cpr':
			return m.idKindCpr();
		case 'phone':
			return m.idKindPhone();
		case 'email':
			return m.idKindEmail();
		case 'address':
			return m.idKindAddress();
		case 'plate':
			return m.idKindPlate();
		case 'name':
			return m.idKindName();
	}
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
	boundaries: () => m.findTableOutline()
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
	sourceName: () => m.findFieldFile()
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

/** What Redact leaves in the text: short, bracketed, in the writer's language. */
export function identifierPlaceholder(kind: IdentifierKind): string {
	switch (kind) {
		case 'cpr':
			return m.idPlaceholderCpr();
		case 'phone':
			return m.idPlaceholderPhone();
		case 'email':
			return m.idPlaceholderEmail();
		case 'address':
			return m.idPlaceholderAddress();
		case 'plate':
			return m.idPlaceholderPlate();
		case 'name':
			return m.idPlaceholderName();
	}
}
