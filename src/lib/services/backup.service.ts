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
import { writeTransaction } from '$lib/db/commit';
import { ethnographersRepo } from '$lib/db/ethnographers.repo';
import { REPOSITORIES } from '$lib/db/registry';
import { currentKind, db, identity, setProfileId } from '$lib/db/workspace';

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
	await writeTransaction([...RECORD_TABLES], async () => {
		for (const table of RECORD_TABLES) {
			const rows = sealed.get(table) ?? [];
			if (rows.length === 0) continue;
			const t = db().recordTable(table);
			const existing = await t.bulkGet(rows.map((r) => r.id));
			const toWrite = rows.filter((row, i) => {
				const d = decide(row, existing[i]);
				tally(summary, d);
				tally(byTable[table], d);
				return d === 'add' || d === 'update';
			});
			await t.bulkPut(toWrite);
		}
	});
	await adoptProfile(parsed.header.workspace.authorId);
	return { ok: true, summary, byTable };
}

/**
 * Restoring your own backup into a fresh workspace (a new phone, or after erasing) makes you its
 * author again: when this device's profile has no record yet and the backup's author has one,
 * that record becomes this device's profile.
 */
async function adoptProfile(authorId: string): Promise<void> {
	if (authorId === identity().authorId) return;
	if (await ethnographersRepo.get(identity().authorId)) return;
	if (await ethnographersRepo.get(authorId)) await setProfileId(authorId);
}

function pickMeta(e: RecordMeta) {
	const { id, createdAt, updatedAt, deletedAt, authorId, deviceId, rev } = e;
	return { id, createdAt, updatedAt, deletedAt, authorId, deviceId, rev };
}
