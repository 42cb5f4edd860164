import type { IdentifierKind } from './hits';

/**
 * The free text of a stored record, field by field, as exports scan it before anything is
 * written. Records come in their JSON form (what a backup or team package holds), keyed by table
 * name; this module knows the fields, not the database.
 */
export interface TextField {
	/** The field's name, with an index for list fields ("aliases.2", "changes.0.to"). */
	field: string;
	text: string;
	/** Kinds not to look for here (an institution's public street address is not an identifier). */
	skip?: readonly IdentifierKind[];
}

/** What a list of findings shows to say which record a hit is in. */
export type RecordLabel = { kind: 'time'; at: number } | { kind: 'text'; text: string };

type Json = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});

function field(out: TextField[], name: string, value: unknown, skip?: readonly IdentifierKind[]) {
	const text = str(value);
	if (text.trim()) out.push(skip ? { field: name, text, skip } : { field: name, text });
}

/** Each item of a list field ("quotes.3"), by what `text` takes from it. */
function listField(out: TextField[], name: string, value: unknown, text: (v: unknown) => unknown) {
	if (Array.isArray(value)) value.forEach((v, i) => field(out, `${name}.${i}`, text(v)));
}

const NO_ADDRESS: readonly IdentifierKind[] = ['address'];

/** A place's name, aliases and description; its official name is meant to be a public address. */
function placeFields(out: TextField[], p: Json, prefix = ''): void {
	const skip = p.institution === true ? NO_ADDRESS : undefined;
	field(out, `${prefix}name`, p.name, skip);
	const aliases = Array.isArray(p.aliases) ? p.aliases : [];
	aliases.forEach((a, i) => field(out, `${prefix}aliases.${i}`, a, skip));
	field(out, `${prefix}officialName`, p.officialName, NO_ADDRESS);
	field(out, `${prefix}description`, obj(p.description).text);
}

/** One changed field of a place revision, on both sides: history must not keep what was redacted. */
function revisionFields(out: TextField[], r: Json, institution: boolean): void {
	const skip = institution ? NO_ADDRESS : undefined;
	const changes = Array.isArray(r.changes) ? r.changes : [];
	changes.forEach((raw, i) => {
		const c = obj(raw);
		for (const side of ['from', 'to'] as const) {
			const value = c[side];
			const name = `changes.${i}.${side}`;
			if (c.field === 'name' || c.field === 'officialName')
				field(out, name, value, c.field === 'officialName' ? NO_ADDRESS : skip);
			else if (c.field === 'aliases' && Array.isArray(value))
				value.forEach((a, k) => field(out, `${name}.${k}`, a, skip));
			else if (c.field === 'description') field(out, name, obj(value).text);
		}
	});
}

/**
 * The free-text fields of a record of `table`. Tables without free text give none. A place
 * revision does not say whether its place is an institution: `context` does.
 */
export function recordTexts(
	table: string,
	record: Json,
	context: { institution?: boolean } = {}
): TextField[] {
	const out: TextField[] = [];
	switch (table) {
		case 'notes':
			field(out, 'text', record.text);
			field(out, 'placeLabel', record.placeLabel);
			break;
		case 'places':
			placeFields(out, record);
			break;
		case 'placeRevisions':
			revisionFields(out, record, context.institution ?? false);
			break;
		case 'participants':
			field(out, 'code', record.code);
			break;
		case 'followAlongs':
			field(out, 'companions', record.companions);
			break;
		case 'stops':
			field(out, 'ownName', record.ownName);
			field(out, 'present', record.present);
			break;
		case 'codes':
			for (const lang of ['en', 'da']) {
				field(out, `label.${lang}`, obj(record.label)[lang]);
				field(out, `definition.${lang}`, obj(record.definition)[lang]);
			}
			break;
		case 'ethnographers':
			field(out, 'displayName', record.displayName);
			break;
		case 'boundaries':
			field(out, 'sourceName', record.sourceName);
			break;
		case 'namedPlaces':
			field(out, 'note', record.note);
			field(out, 'period', record.period);
			break;
		case 'interviews':
			field(out, 'notes', record.notes);
			listField(out, 'prompts', record.prompts, (p) => p);
			listField(out, 'quotes', record.quotes, (q) => obj(q).text);
			break;
	}
	return out;
}

/** How a list of findings names the record: a time for notes and days, a name for the rest. */
export function recordLabel(table: string, record: Json): RecordLabel {
	const time = (v: unknown): RecordLabel | null =>
		typeof v === 'number' ? { kind: 'time', at: v } : null;
	const text = (v: unknown): RecordLabel => ({ kind: 'text', text: str(v) });
	switch (table) {
		case 'notes':
			return time(record.observedAt) ?? text('');
		case 'followAlongs':
			return time(record.startedAt) ?? text('');
		case 'stops':
			return record.ownName ? text(record.ownName) : (time(record.arrivedAt) ?? text(''));
		case 'placeRevisions':
			return time(record.at) ?? text('');
		case 'places':
			return text(record.name);
		case 'participants':
			return text(record.code);
		case 'codes':
			return text(obj(record.label).en || obj(record.label).da);
		case 'ethnographers':
			return text(record.displayName);
		case 'interviews':
			return text(record.date);
		case 'namedPlaces':
			return time(record.createdAt) ?? text('');
		default:
			return text(record.sourceName);
	}
}
