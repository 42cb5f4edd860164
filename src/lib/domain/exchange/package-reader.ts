import {
	danglingRefs,
	fromIssue,
	PACKAGE_FORMAT,
	PACKAGE_FORMAT_VERSION,
	PackageHeader,
	readRow,
	specOf,
	type PackageParse,
	type PackageProblem,
	type PackageRecord,
	type TableSpec
} from './package';

/**
 * A team package read as it streams in, one record at a time, with the same checks as
 * `parsePackage` (which reads a document whole). Our files put the header first, so a file that
 * is not a package, or a record of a table the header does not list, is refused when its first
 * record arrives; references are checked at the end, when every record is known.
 */
export class PackageReader {
	#fields: Record<string, unknown> = {};
	#header: PackageHeader | null = null;
	#listed = new Set<string>();
	#records = new Map<string, PackageRecord[]>();
	#seen = new Map<string, Set<string>>();

	constructor(private tables: Readonly<Record<string, TableSpec>>) {}

	static readonly PATHS = [
		'$.format',
		'$.formatVersion',
		'$.madeAt',
		'$.madeBy',
		'$.app',
		'$.workspace',
		'$.tables',
		'$.records.*.*'
	];

	field(key: string, value: unknown): void {
		this.#fields[key] = value;
	}

	#checkHeader(): PackageProblem | null {
		if (this.#header) return null;
		if (this.#fields.format !== PACKAGE_FORMAT) return { kind: 'not-package' };
		const version = this.#fields.formatVersion;
		if (typeof version === 'number' && version > PACKAGE_FORMAT_VERSION)
			return { kind: 'future-version', version };
		const header = PackageHeader.safeParse(this.#fields);
		if (!header.success) return fromIssue(header.error.issues[0]!, []);
		this.#header = header.data;
		this.#listed = new Set(header.data.tables);
		return null;
	}

	/** Checks one record; a problem ends the read. */
	record(table: string, index: number, row: unknown): PackageProblem | null {
		const bad = this.#checkHeader();
		if (bad) return bad;
		const spec = specOf(this.tables, table);
		if (!spec) return { kind: 'unknown-table', table };
		if (!this.#listed.has(table))
			return {
				kind: 'invalid',
				path: 'tables',
				detail: `"${table}" has records but is not listed`
			};
		let seen = this.#seen.get(table);
		if (!seen) this.#seen.set(table, (seen = new Set()));
		const read = readRow(table, index, row, spec, seen);
		if ('problem' in read) return read.problem;
		const rows = this.#records.get(table);
		if (rows) rows.push(read.record);
		else this.#records.set(table, [read.record]);
		return null;
	}

	/** The package, once every record has been read; `known` as for parsePackage. */
	finish(known: (table: string, id: string) => boolean): PackageParse {
		const bad = this.#checkHeader();
		if (bad) return { ok: false, problem: bad };
		const records: Record<string, PackageRecord[]> = {};
		for (const [table, rows] of this.#records) records[table] = rows;
		for (const table of this.#listed) if (specOf(this.tables, table)) records[table] ??= [];
		const dangling = danglingRefs(records, this.tables, known);
		if (dangling.length)
			return {
				ok: false,
				problem: { ...dangling[0]!, kind: 'unknown-reference', count: dangling.length }
			};
		return { ok: true, header: this.#header!, records };
	}
}
