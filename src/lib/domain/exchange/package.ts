import { z } from 'zod';
import { RecordMeta, Timestamp } from '../records/record';
import { CONTROL_CHARS as CONTROL } from '../text/controls';

export const PACKAGE_FORMAT = 'stedsans-team-package';
export const PACKAGE_FORMAT_VERSION = 1;
export const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;

const Label = (max: number) =>
	z
		.string()
		.trim()
		.min(1)
		.max(max)
		.refine((s) => !CONTROL.test(s), 'control characters are not allowed');

/** Who made the package, shown to the person importing it ("from Anna K, phone 2"). */
export const PackageMaker = z.object({
	authorId: Label(64),
	displayName: Label(60),
	deviceId: Label(64)
});
export type PackageMaker = z.infer<typeof PackageMaker>;

export const PackageHeader = z.object({
	format: z.literal(PACKAGE_FORMAT),
	formatVersion: z.number().int().min(1),
	/** The maker's clock: shown only. */
	madeAt: Timestamp,
	madeBy: PackageMaker,
	app: z.object({ version: z.string().max(40) }),
	/**
	 * The workspace it was made from: a package from the demo holds synthetic records and is
	 * refused by your own workspace (and the other way round). Packages made before this field
	 * came from your own workspace: the demo offered no team exchange.
	 */
	workspace: z.enum(['main', 'demo']).default('main'),
	/** The tables the maker chose to send. A table can be listed with no records. */
	tables: z.array(z.string().min(1).max(40)).max(40)
});
export type PackageHeader = z.infer<typeof PackageHeader>;

/** A package's metadata must be complete: `rev` is what the merge decides by, so it has no default. */
const PackageMeta = RecordMeta.extend({
	rev: z.record(z.string().max(64), z.number().int().nonnegative()),
	v: z.number().int().min(1)
});

/** A record in a package: its metadata, `v` (its content schema version) and its content fields. */
export type PackageRecord = z.infer<typeof PackageMeta> & Record<string, unknown>;

export interface TeamPackage extends PackageHeader {
	records: Record<string, PackageRecord[]>;
}

/** A reference from one record to another, by the path of the field within the record. */
export interface Ref {
	field: string;
	table: string;
	id: string;
}

/** What the parser needs to know about a table; the repository definitions have the same parts. */
export interface TableSpec {
	content: z.ZodType<object>;
	/** The content schema version this app writes. */
	version: number;
	upgrade?: (content: unknown, fromVersion: number) => unknown;
	refs?: (record: PackageRecord) => Ref[];
}

/** A `refs` function from the fields that hold ids: a single id, null, or a list of ids. */
export function refsFrom(fields: Record<string, string>): (record: PackageRecord) => Ref[] {
	return (record) => {
		const out: Ref[] = [];
		for (const [field, table] of Object.entries(fields)) {
			const value = record[field];
			if (typeof value === 'string') out.push({ field, table, id: value });
			else if (Array.isArray(value))
				value.forEach((id, i) => {
					if (typeof id === 'string') out.push({ field: `${field}[${i}]`, table, id });
				});
		}
		return out;
	};
}

export type PackageProblem =
	| { kind: 'too-large'; bytes: number }
	| { kind: 'not-json'; detail: string }
	| { kind: 'not-package' }
	| { kind: 'future-version'; version: number }
	| { kind: 'invalid'; path: string; detail: string }
	/** Text over its limit; shown with the limit so the user knows it is not a crash. */
	| { kind: 'too-long'; path: string; maximum: number }
	| { kind: 'unknown-table'; table: string }
	| { kind: 'future-record-version'; path: string; version: number }
	| { kind: 'duplicate-id'; path: string; id: string }
	/** The first dangling reference, and how many there are in all. */
	| { kind: 'unknown-reference'; path: string; table: string; id: string; count: number }
	/** Made in the demo workspace and offered to your own, or the other way round. */
	| { kind: 'other-workspace'; file: 'main' | 'demo' };

export type PackageParse =
	| { ok: true; header: PackageHeader; records: Record<string, PackageRecord[]> }
	| { ok: false; problem: PackageProblem };

const fail = (problem: PackageProblem): PackageParse => ({ ok: false, problem });

/** The package for a set of records: the caller picks the tables and the records in them. */
export function buildPackage(input: {
	madeBy: PackageMaker;
	madeAt: number;
	appVersion: string;
	workspace?: 'main' | 'demo';
	records: Record<string, PackageRecord[]>;
}): TeamPackage {
	return {
		format: PACKAGE_FORMAT,
		formatVersion: PACKAGE_FORMAT_VERSION,
		madeAt: input.madeAt,
		madeBy: input.madeBy,
		app: { version: input.appVersion },
		workspace: input.workspace ?? 'main',
		tables: Object.keys(input.records),
		records: input.records
	};
}

/**
 * Checks a package from the outside in and names the first problem. Nothing is half-accepted:
 * either every record is valid and every reference resolves, or the import writes nothing.
 * `known(table, id)` says whether this workspace holds a record (a tombstone counts).
 */
export function parsePackage(
	text: string,
	bytes: number,
	tables: Readonly<Record<string, TableSpec>>,
	known: (table: string, id: string) => boolean
): PackageParse {
	if (bytes > MAX_PACKAGE_BYTES) return fail({ kind: 'too-large', bytes });
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return fail({ kind: 'not-json', detail: (e as Error).message });
	}
	if (!isObject(json) || json.format !== PACKAGE_FORMAT) return fail({ kind: 'not-package' });
	if (typeof json.formatVersion === 'number' && json.formatVersion > PACKAGE_FORMAT_VERSION)
		return fail({ kind: 'future-version', version: json.formatVersion });
	const header = PackageHeader.safeParse(json);
	if (!header.success) return fail(fromIssue(header.error.issues[0]!, []));
	if (!isObject(json.records))
		return fail({ kind: 'invalid', path: 'records', detail: 'expected an object of tables' });

	const listed = new Set(header.data.tables);
	const records: Record<string, PackageRecord[]> = {};
	for (const [table, rows] of Object.entries(json.records)) {
		const spec = specOf(tables, table);
		if (!spec) return fail({ kind: 'unknown-table', table });
		if (!listed.has(table))
			return fail({
				kind: 'invalid',
				path: 'tables',
				detail: `"${table}" has records but is not listed`
			});
		const read = readTable(table, rows, spec);
		if ('problem' in read) return fail(read.problem);
		records[table] = read.records;
	}
	for (const table of listed) if (specOf(tables, table)) records[table] ??= [];

	const dangling = danglingRefs(records, tables, known);
	if (dangling.length)
		return fail({ ...dangling[0]!, kind: 'unknown-reference', count: dangling.length });
	return { ok: true, header: header.data, records };
}

function readTable(
	table: string,
	rows: unknown,
	spec: TableSpec
): { records: PackageRecord[] } | { problem: PackageProblem } {
	const at = ['records', table];
	if (!Array.isArray(rows))
		return { problem: { kind: 'invalid', path: formatPath(at), detail: 'expected a list' } };
	const seen = new Set<string>();
	const out: PackageRecord[] = [];
	for (const [i, row] of rows.entries()) {
		const read = readRow(table, i, row, spec, seen);
		if ('problem' in read) return read;
		out.push(read.record);
	}
	return { records: out };
}

/** One record of a table: its metadata and content checked, its id not seen before in it. */
export function readRow(
	table: string,
	i: number,
	row: unknown,
	spec: TableSpec,
	seen: Set<string>
): { record: PackageRecord } | { problem: PackageProblem } {
	const path = ['records', table, i];
	const meta = PackageMeta.safeParse(row);
	if (!meta.success) return { problem: fromIssue(meta.error.issues[0]!, path) };
	const { v, id } = meta.data;
	if (v > spec.version)
		return { problem: { kind: 'future-record-version', path: formatPath(path), version: v } };
	if (seen.has(id)) return { problem: { kind: 'duplicate-id', path: formatPath(path), id } };
	seen.add(id);
	const raw = v < spec.version && spec.upgrade ? spec.upgrade(row, v) : row;
	// The content schema strips the metadata keys, and the metadata is put back from `meta`.
	const content = spec.content.safeParse(raw);
	if (!content.success) return { problem: fromIssue(content.error.issues[0]!, path) };
	return { record: { ...content.data, ...meta.data, v: spec.version } };
}

/** References whose target is neither in the package nor known here. Tombstones are never shown, so theirs are not checked. */
export function danglingRefs(
	records: Record<string, PackageRecord[]>,
	tables: Readonly<Record<string, TableSpec>>,
	known: (table: string, id: string) => boolean
): { path: string; table: string; id: string }[] {
	const inPackage = new Map(
		Object.entries(records).map(([t, rs]) => [t, new Set(rs.map((r) => r.id))])
	);
	const out: { path: string; table: string; id: string }[] = [];
	for (const [table, rows] of Object.entries(records)) {
		const refs = specOf(tables, table)?.refs;
		if (!refs) continue;
		rows.forEach((record, i) => {
			if (record.deletedAt !== null) return;
			for (const ref of refs(record))
				if (!inPackage.get(ref.table)?.has(ref.id) && !known(ref.table, ref.id))
					out.push({
						path: `${formatPath(['records', table, i])}.${ref.field}`,
						table: ref.table,
						id: ref.id
					});
		});
	}
	return out;
}

export function fromIssue(issue: z.core.$ZodIssue, prefix: PropertyKey[]): PackageProblem {
	const path = formatPath([...prefix, ...issue.path]);
	if (issue.code === 'too_big' && issue.origin === 'string')
		return { kind: 'too-long', path, maximum: Number(issue.maximum) };
	return { kind: 'invalid', path, detail: issue.message };
}

/**
 * A table's spec by its name as the file spells it: own properties only, so "__proto__" or
 * "constructor" is an unknown table like any other, not Object.prototype's.
 */
export function specOf<T>(tables: Readonly<Record<string, T>>, table: string): T | undefined {
	return Object.hasOwn(tables, table) ? tables[table] : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function formatPath(path: readonly PropertyKey[]): string {
	return path.reduce<string>(
		(acc, key) =>
			typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
		''
	);
}
