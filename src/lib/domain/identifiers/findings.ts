import { IDENTIFIER_KINDS, type IdentifierKind } from './hits';
import { recordLabel, recordTexts, type RecordLabel, type TextField } from './record-text';
import { scanIdentifiers, type ScanOptions } from './scan';

/**
 * What an export shows before it writes anything: each identifier found, where it is (which
 * record, which field), which kind, and the text around it.
 */
export interface Finding {
	table: string;
	id: string;
	label: RecordLabel;
	/** In the trash (backups and packages carry deleted records too). */
	inTrash: boolean;
	field: string;
	kind: IdentifierKind;
	text: string;
	/** Up to CONTEXT characters before and after, on one line, cut at a word. */
	before: string;
	after: string;
}

export const CONTEXT = 32;

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** The text around a hit: cut at a space when there is one near the cut, with "…" where cut. */
export function around(text: string, start: number, end: number): [string, string] {
	let from = Math.max(0, start - CONTEXT);
	let to = Math.min(text.length, end + CONTEXT);
	if (from > 0) {
		const space = text.indexOf(' ', from);
		if (space !== -1 && space < start) from = space + 1;
	}
	if (to < text.length) {
		const space = text.lastIndexOf(' ', to);
		if (space > end) to = space;
	}
	return [
		(from > 0 ? '…' : '') + oneLine(text.slice(from, start)),
		oneLine(text.slice(end, to)) + (to < text.length ? '…' : '')
	];
}

/** The hits in a list of fields of one record. */
export function scanFields(
	source: {
		table: string;
		id: string;
		label: RecordLabel;
		inTrash?: boolean;
		fields: readonly TextField[];
	},
	options: ScanOptions = {}
): Finding[] {
	const out: Finding[] = [];
	for (const f of source.fields) {
		const kinds = f.skip ? IDENTIFIER_KINDS.filter((k) => !f.skip!.includes(k)) : options.kinds;
		for (const h of scanIdentifiers(f.text, { ...options, kinds })) {
			const [before, after] = around(f.text, h.start, h.end);
			out.push({
				table: source.table,
				id: source.id,
				label: source.label,
				inTrash: source.inTrash ?? false,
				field: f.field,
				kind: h.kind,
				text: h.text,
				before,
				after
			});
		}
	}
	return out;
}

/** The hits in one record in its JSON form (as a backup or team package carries it). */
export function scanRecord(
	table: string,
	record: Record<string, unknown> & { id: string },
	options: ScanOptions = {}
): Finding[] {
	return scanFields(
		{
			table,
			id: record.id,
			label: recordLabel(table, record),
			inTrash: typeof record.deletedAt === 'number',
			fields: recordTexts(table, record)
		},
		options
	);
}

/**
 * Scans the records of one export in order, with what one record says about another: a place's
 * history is scanned like the place (an institution's address is not flagged there either), and a
 * value that stayed the same across revisions is listed once, not once per save.
 * Places must come before their revisions (the order of backups and team packages).
 */
export class ExportScanner {
	#institutions = new Set<string>();
	#seen = new Set<string>();

	constructor(readonly options: ScanOptions = {}) {}

	scan(table: string, record: Record<string, unknown> & { id: string }): Finding[] {
		if (table === 'places' && record.institution === true) this.#institutions.add(record.id);
		if (table !== 'places' && table !== 'placeRevisions')
			return scanRecord(table, record, this.options);
		const placeId = table === 'places' ? record.id : String(record.placeId);
		const fields = recordTexts(table, record, { institution: this.#institutions.has(placeId) });
		const found = scanFields(
			{
				table,
				id: record.id,
				label: recordLabel(table, record),
				inTrash: typeof record.deletedAt === 'number',
				fields
			},
			this.options
		);
		return found.filter((f) => {
			const key = `${placeId}\u0000${f.kind}\u0000${f.text}`;
			if (this.#seen.has(key)) return false;
			this.#seen.add(key);
			return true;
		});
	}
}

/** How many of each kind, for a summary line ("2 CPR numbers, 1 phone number"). */
export function countByKind(findings: readonly Finding[]): Partial<Record<IdentifierKind, number>> {
	const counts: Partial<Record<IdentifierKind, number>> = {};
	for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
	return counts;
}
