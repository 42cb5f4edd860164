import { z } from 'zod';
import { RecordMeta } from '../records/record';
import {
	BACKUP_FORMAT,
	BACKUP_FORMAT_VERSION,
	backupHeader,
	formatPath,
	type BackupHeader,
	type BackupProblem,
	type BackupRecord
} from './format';

/**
 * A backup read as it streams in, one record at a time (the same checks as `parseBackup`, which
 * reads a document whole): each record is checked against its table's schema as it arrives and
 * can be let go of once the caller has turned it into a row; the header is checked at the end.
 * Our files put the header first, so a file that is not a backup is refused at its first record.
 */
export class BackupReader {
	#fields: Record<string, unknown> = {};
	#schemas = new Map<string, z.ZodType>();

	constructor(private tables: Record<string, z.ZodObject>) {}

	/** The header fields, the paths a stream must emit besides each record. */
	static readonly PATHS = [
		'$.format',
		'$.formatVersion',
		'$.exportedAt',
		'$.app',
		'$.workspace',
		'$.leftOut',
		'$.records.*.*'
	];

	field(key: string, value: unknown): void {
		this.#fields[key] = value;
	}

	/** Checks one record of `table`; a problem ends the read. */
	record(
		table: string,
		index: number,
		value: unknown
	): { ok: true; record: BackupRecord } | { ok: false; problem: BackupProblem } {
		if (this.#fields.format !== BACKUP_FORMAT)
			return { ok: false, problem: { kind: 'not-backup' } };
		const version = this.#fields.formatVersion;
		if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION)
			return { ok: false, problem: { kind: 'future-version', version } };
		if (!Object.hasOwn(this.tables, table))
			return { ok: false, problem: { kind: 'unknown-table', table } };
		let schema = this.#schemas.get(table);
		if (!schema) {
			schema = RecordMeta.extend({ v: z.number().int().min(1) }).extend(this.tables[table]!.shape);
			this.#schemas.set(table, schema);
		}
		const parsed = schema.safeParse(value);
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			const path = formatPath(['records', table, index, ...issue.path]);
			return { ok: false, problem: { kind: 'invalid', path, detail: issue.message } };
		}
		return { ok: true, record: parsed.data as BackupRecord };
	}

	/** The header, once the whole file has been read. */
	finish(): { ok: true; header: BackupHeader } | { ok: false; problem: BackupProblem } {
		if (this.#fields.format !== BACKUP_FORMAT)
			return { ok: false, problem: { kind: 'not-backup' } };
		const version = this.#fields.formatVersion;
		if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION)
			return { ok: false, problem: { kind: 'future-version', version } };
		const parsed = backupHeader.safeParse(this.#fields);
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			return {
				ok: false,
				problem: { kind: 'invalid', path: formatPath(issue.path), detail: issue.message }
			};
		}
		return { ok: true, header: parsed.data };
	}
}
