import {
	BACKUP_FORMAT,
	BACKUP_FORMAT_VERSION,
	decide,
	emptySummary,
	parseBackup,
	tally,
	type BackupProblem,
	type BackupRecord,
	type MergeSummary
} from '$lib/domain/backup';
import { copenhagenDayKey } from '$lib/domain/format/datetime';
import type { RecordMeta } from '$lib/domain/records/record';
import { RECORD_TABLES, type RecordTable, type Row } from '$lib/db/db';
import { guardQuota } from '$lib/db/errors';
import { REPOSITORIES } from '$lib/db/registry';
import { ethnographersRepo } from '$lib/db/ethnographers.repo';
import { adoptProfile, currentKind, db, identity } from '$lib/db/workspace';

export interface BackupFile {
	filename: string;
	text: string;
	records: number;
}

function contentSchemas() {
	return Object.fromEntries(
		RECORD_TABLES.map((t) => [t, REPOSITORIES[t].def.json?.schema ?? REPOSITORIES[t].def.content])
	);
}

/** The whole workspace, the trash included, as one versioned JSON document. */
export async function buildBackup(now = Date.now()): Promise<BackupFile> {
	const records: Record<string, BackupRecord[]> = {};
	let count = 0;
	for (const table of RECORD_TABLES) {
		const repo = REPOSITORIES[table];
		const rows = await db().recordTable(table).orderBy('id').toArray();
		records[table] = await Promise.all(
			rows.map(
				async (row) =>
					({
						...repo.toJson(await repo.fromRow(row)),
						v: repo.def.version
					}) as unknown as BackupRecord
			)
		);
		count += rows.length;
	}
	const kind = currentKind() ?? 'main';
	const doc = {
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_FORMAT_VERSION,
		exportedAt: now,
		app: { version: __APP_VERSION__ },
		workspace: { kind, ...identity() },
		records
	};
	const prefix = kind === 'demo' ? 'stedsans-demo-backup' : 'stedsans-backup';
	return {
		filename: `${prefix}-${copenhagenDayKey(now)}.json`,
		text: JSON.stringify(doc),
		records: count
	};
}

export type RestoreResult =
	| { ok: true; summary: MergeSummary; byTable: Record<RecordTable, MergeSummary> }
	| { ok: false; problem: BackupProblem };

/**
 * Merges a backup into the open workspace by id (newer `updatedAt` wins) in one transaction:
 * either every record is written or none is.
 */
export async function restoreBackup(text: string, bytes: number): Promise<RestoreResult> {
	const parsed = parseBackup(text, bytes, contentSchemas());
	if (!parsed.ok) return parsed;

	const sealed = new Map<RecordTable, Row[]>();
	for (const table of RECORD_TABLES) {
		const repo = REPOSITORIES[table];
		const incoming = parsed.records[table] ?? [];
		const rows: Row[] = [];
		for (const [i, { v, ...entity }] of incoming.entries()) {
			if (v > repo.def.version)
				return {
					ok: false,
					problem: {
						kind: 'invalid',
						path: `records.${table}[${i}].v`,
						detail: `written by a newer version of Stedsans (${v})`
					}
				};
			const upgraded =
				v < repo.def.version && repo.def.upgrade ? repo.def.upgrade(entity, v) : entity;
			const content = repo.fromJson({ ...(upgraded as object), ...pickMeta(entity) } as never);
			rows.push(await repo.toRow({ ...content, ...pickMeta(entity) } as never));
		}
		sealed.set(table, rows);
	}

	const summary = emptySummary();
	const byTable = Object.fromEntries(RECORD_TABLES.map((t) => [t, emptySummary()])) as Record<
		RecordTable,
		MergeSummary
	>;
	const database = db();
	const tables = RECORD_TABLES.map((t) => database.recordTable(t));
	let idb: IDBTransaction | undefined;
	await guardQuota(
		() =>
			database.transaction('rw', tables, async (tx) => {
				idb = tx.idbtrans;
				for (const table of RECORD_TABLES) {
					const rows = sealed.get(table) ?? [];
					if (rows.length === 0) continue;
					const t = database.recordTable(table);
					const existing = await t.bulkGet(rows.map((r) => r.id));
					const toWrite = rows.filter((row, i) => {
						const d = decide(row, existing[i]);
						tally(summary, d);
						tally(byTable[table], d);
						return d === 'add' || d === 'update';
					});
					await t.bulkPut(toWrite);
				}
			}),
		() => idb?.error
	);
	await adoptBackupProfile(parsed.header.workspace.authorId);
	return { ok: true, summary, byTable };
}

function pickMeta(e: RecordMeta) {
	const { id, createdAt, updatedAt, deletedAt, authorId, deviceId, rev } = e;
	return { id, createdAt, updatedAt, deletedAt, authorId, deviceId, rev };
}

/**
 * A backup restored into a workspace that has no profile of its own (a new device, an erased
 * workspace) brings back who wrote it: its author's profile becomes this workspace's.
 */
async function adoptBackupProfile(authorId: string): Promise<void> {
	const mine = identity().authorId;
	if (authorId === mine || (await ethnographersRepo.get(mine))) return;
	if (await ethnographersRepo.get(authorId)) await adoptProfile(authorId);
}
