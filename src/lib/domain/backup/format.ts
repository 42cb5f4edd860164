import { z } from 'zod';
import { RecordMeta } from '../records/record';

export const BACKUP_FORMAT = 'stedsans-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** A record in a backup: its metadata, its content fields, and `v`, the content schema version. */
export type BackupRecord = RecordMeta & { v: number } & Record<string, unknown>;

const Header = z.object({
	format: z.literal(BACKUP_FORMAT),
	formatVersion: z.number().int().min(1),
	exportedAt: z.number().int().min(0),
	app: z.object({ version: z.string().max(40) }),
	workspace: z.object({
		kind: z.enum(['main', 'demo']),
		deviceId: z.string().max(64),
		authorId: z.string().max(64)
	}),
	/** Settings fields a plaintext backup leaves out (secrets), so a restore keeps its own. */
	leftOut: z.array(z.string().max(40)).max(20).default([])
});
export type BackupHeader = z.infer<typeof Header>;
/** The header alone, for a reader that takes the records one at a time. */
export const backupHeader = Header;

/** The whole file, with one array of records per table; each table's content schema is given. */
export function backupSchema(tables: Record<string, z.ZodObject>) {
	const records = z.object(
		Object.fromEntries(
			Object.entries(tables).map(([name, content]) => [
				name,
				z.array(RecordMeta.extend({ v: z.number().int().min(1) }).extend(content.shape)).default([])
			])
		)
	);
	return Header.extend({ records: records.strict() });
}

export type BackupProblem =
	| { kind: 'too-large'; bytes: number }
	| { kind: 'not-json'; detail: string }
	| { kind: 'not-backup' }
	| { kind: 'future-version'; version: number }
	| { kind: 'unknown-table'; table: string }
	| { kind: 'invalid'; path: string; detail: string }
	/** A demo backup offered to your own workspace, or the other way round. */
	| { kind: 'other-workspace'; file: 'main' | 'demo' };

export type BackupParse =
	| { ok: true; header: BackupHeader; records: Record<string, BackupRecord[]> }
	| { ok: false; problem: BackupProblem };

/** Checks a backup file from the outside in and names the first problem it finds. */
export function parseBackup(
	text: string,
	bytes: number,
	tables: Record<string, z.ZodObject>
): BackupParse {
	if (bytes > MAX_BACKUP_BYTES) return { ok: false, problem: { kind: 'too-large', bytes } };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, problem: { kind: 'not-json', detail: (e as Error).message } };
	}
	if (
		typeof json !== 'object' ||
		json === null ||
		(json as { format?: unknown }).format !== BACKUP_FORMAT
	)
		return { ok: false, problem: { kind: 'not-backup' } };
	const version = (json as { formatVersion?: unknown }).formatVersion;
	if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION)
		return { ok: false, problem: { kind: 'future-version', version } };
	// Table names are looked up as own properties: "__proto__" or "constructor" is an unknown
	// table like any other, never something Object.prototype answers for.
	const tablesIn = (json as { records?: unknown }).records;
	if (typeof tablesIn === 'object' && tablesIn !== null && !Array.isArray(tablesIn))
		for (const table of Object.keys(tablesIn))
			if (!Object.hasOwn(tables, table))
				return { ok: false, problem: { kind: 'unknown-table', table } };
	const parsed = backupSchema(tables).safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return {
			ok: false,
			problem: { kind: 'invalid', path: formatPath(issue.path), detail: issue.message }
		};
	}
	const { records, ...header } = parsed.data;
	return { ok: true, header, records: records as Record<string, BackupRecord[]> };
}

export function formatPath(path: readonly PropertyKey[]): string {
	return path.reduce<string>(
		(acc, key) =>
			typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
		''
	);
}
