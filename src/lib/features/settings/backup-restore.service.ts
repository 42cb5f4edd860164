import {
	backupWorkspace,
	BackupReader,
	MAX_BACKUP_BYTES,
	parseBackup,
	type BackupProblem,
	type BackupRecord,
	type MergeSummary
} from '$lib/domain/backup';
import { pickMeta } from '$lib/domain/records/record';
import { SECRET_SETTINGS } from '$lib/domain/settings/privacy-settings';
import type { KdfOptions } from '$lib/crypto';
import { RECORD_TABLES, RETIRED_TABLES, type RecordTable, type Row } from '$lib/db/db';
import { PurgeCheck, type AnyRecord } from '$lib/domain/participants/tombstone';
import { purgedParticipants } from '$lib/db/tombstones.repo';
import { localRecordsOf } from '$lib/features/notes/tombstones.service';
import { z } from 'zod';
import { REPOSITORIES } from '$lib/db/registry';
import { getSettings } from '$lib/db/settings.repo';
import { currentKind } from '$lib/db/workspace';
import {
	envelopeLimit,
	openFile,
	type EnvelopeProblem
} from '$lib/features/export/export-protection.service';
import { ImportStop, streamRecords } from '$lib/features/export/import-stream.service';
import { PurgedDuringRestore, tombstoneKeys, writeRestore } from './backup-write.service';

/** The largest file an import reads: a backup at its limit, encrypted. */
export const MAX_BACKUP_FILE_BYTES = envelopeLimit(MAX_BACKUP_BYTES);

export type RestoreProblem = BackupProblem | EnvelopeProblem;

export type RestoreResult =
	| { ok: true; summary: MergeSummary; byTable: Record<RecordTable, MergeSummary> }
	| { ok: false; problem: RestoreProblem };

function contentSchemas() {
	return Object.fromEntries([
		...RECORD_TABLES.map((t) => [
			t,
			REPOSITORIES[t].def.json?.schema ?? REPOSITORIES[t].def.content
		]),
		// An older backup's retired tables are read (so the file is valid) and left out.
		...RETIRED_TABLES.map((t) => [t, z.object({})])
	]);
}

const retired = (table: string) => (RETIRED_TABLES as readonly string[]).includes(table);

/**
 * A record of the backup, sealed as its repository stores it, with what the merge decides by and
 * the links the withdrawal check follows — both sealed in the row, so kept beside it.
 */
export interface IncomingRow {
	row: Row;
	updatedAt: number;
	links: AnyRecord;
}

function linksOf(e: Record<string, unknown> & { id: string }): AnyRecord {
	const { id, participantId, followAlongId, participantIds } = e;
	return { id, participantId, followAlongId, participantIds };
}

/** A checked record as the row its repository stores (upgraded, sealed); a newer one stops. */
async function toRow(
	table: RecordTable,
	index: number,
	record: BackupRecord
): Promise<IncomingRow> {
	const repo = REPOSITORIES[table];
	const { v, ...entity } = record;
	if (v > repo.def.version)
		throw new ImportStop<BackupProblem>({
			kind: 'invalid',
			path: `records.${table}[${index}].v`,
			detail: `written by a newer version of Stedsans (${v})`
		});
	const upgraded = v < repo.def.version && repo.def.upgrade ? repo.def.upgrade(entity, v) : entity;
	const content = repo.fromJson({ ...(upgraded as object), ...pickMeta(entity) } as never);
	const full = { ...content, ...pickMeta(entity) };
	return { row: await repo.toRow(full as never), updatedAt: full.updatedAt, links: linksOf(full) };
}

/**
 * Merges a backup into the open workspace by id (newer `updatedAt` wins) in one transaction:
 * either every record is written or none is. An encrypted backup needs its passphrase: without
 * one the result asks for it (`encrypted`), with a wrong one it says so, and nothing is written.
 *
 * The file is read as a stream (import-stream.service.ts): each record is checked and sealed as
 * it arrives and its text let go, so a 200 MB backup is never held as text, as a parsed
 * document and as rows at once; only the sealed rows wait for the one transaction at the end.
 */
export async function restoreBackup(
	input: Blob | string,
	bytes: number,
	unlock: { passphrase?: string; kdf?: KdfOptions } = {}
): Promise<RestoreResult> {
	if (bytes > MAX_BACKUP_FILE_BYTES) return { ok: false, problem: { kind: 'too-large', bytes } };
	const file = typeof input === 'string' ? new Blob([input]) : input;
	for (let attempt = 1; ; attempt++) {
		// Read before the file's rows are filtered by them: a purge after this is seen at the write.
		const tombstones = await tombstoneKeys();
		const read = await readBackupRows(file, bytes, unlock);
		if (!read.ok) return read;
		const deleteHere = await withoutPurged(read.sealed, read.purges);
		try {
			const written = await writeRestore(read.sealed, read.authorId, deleteHere, tombstones);
			return { ok: true, ...written };
		} catch (e) {
			if (!(e instanceof PurgedDuringRestore) || attempt === 3) throw e;
		}
	}
}

/**
 * Withdrawal sticks (domain/participants/tombstone.ts): the rows of participants with a tombstone
 * — here, or in the file — are left out, also those that came before the tombstone or their day
 * in the file; returns this workspace's records of participants whose tombstone the file brings.
 */
async function withoutPurged(sealed: Map<RecordTable, IncomingRow[]>, check: PurgeCheck) {
	const again = check.again();
	for (const table of ['followAlongs', 'participants', 'stops', 'fixChunks', 'notes'] as const) {
		const rows = sealed.get(table);
		if (rows)
			sealed.set(
				table,
				rows.filter((r) => !again.belongs(table, r.links))
			);
	}
	const local = await purgedParticipants();
	return localRecordsOf(new Set([...check.purged].filter((id) => !local.has(id))));
}

/** A backup's records, checked and sealed as the rows to write, and its author. */
export type BackupRows =
	| { ok: true; sealed: Map<RecordTable, IncomingRow[]>; authorId: string; purges: PurgeCheck }
	| { ok: false; problem: RestoreProblem };

/** Reads a backup file into sealed rows as it streams in; writes nothing. */
export async function readBackupRows(
	file: Blob,
	bytes: number,
	unlock: { passphrase?: string; kdf?: KdfOptions }
): Promise<BackupRows> {
	const reader = new BackupReader(contentSchemas());
	const sealed = new Map<RecordTable, IncomingRow[]>();
	const settings: BackupRecord[] = [];
	const purges = new PurgeCheck(await purgedParticipants());
	const streamed = await streamRecords<RestoreProblem>(file, 'backup', unlock, {
		paths: BackupReader.PATHS,
		limit: MAX_BACKUP_BYTES,
		tooLarge: (bytes) => ({ kind: 'too-large', bytes }),
		notJson: (detail) => ({ kind: 'not-json', detail }),
		field: (key, value) => reader.field(key, value),
		records: async (batch) => {
			const checked: { table: RecordTable; index: number; record: BackupRecord }[] = [];
			for (const { table, index, value } of batch) {
				const r = reader.record(table, index, value);
				if (!r.ok) throw new ImportStop(r.problem);
				if (retired(table) || purges.belongs(table, r.record)) continue;
				if (table === 'tombstones') purges.purged.add(r.record.participantId as string);
				// Settings wait for the header's `leftOut` (keepLocalSecrets); there is one record.
				if (table === 'settings') settings.push(r.record);
				else checked.push({ table: table as RecordTable, index, record: r.record });
			}
			// A chunk's records are sealed side by side, as a whole file's were.
			const rows = await Promise.all(checked.map((c) => toRow(c.table, c.index, c.record)));
			rows.forEach((row, i) => {
				const table = checked[i]!.table;
				const list = sealed.get(table);
				if (list) list.push(row);
				else sealed.set(table, [row]);
			});
		}
	});
	if (streamed.ok === 'whole') return readWhole(await file.text(), bytes, unlock);
	if (!streamed.ok) return streamed;
	const header = reader.finish();
	if (!header.ok) return header;
	const other = otherWorkspace(header.header, { settings });
	if (other) return other;
	await keepLocalSecrets(settings, header.header.leftOut);
	try {
		sealed.set('settings', await Promise.all(settings.map((r, i) => toRow('settings', i, r))));
	} catch (e) {
		if (e instanceof ImportStop) return { ok: false, problem: e.problem as BackupProblem };
		throw e;
	}
	return { ok: true, sealed, authorId: header.header.workspace.authorId, purges };
}

/**
 * An envelope of version 1 (one ciphertext) opens only whole: read as before chunking, the
 * text, the parsed document and the rows all held at once (the benchmark's baseline).
 */
export async function readWhole(
	text: string,
	bytes: number,
	unlock: { passphrase?: string; kdf?: KdfOptions }
): Promise<BackupRows> {
	const opened = await openFile(text, 'backup', unlock);
	if (!opened.ok) return opened;
	const plain = opened.text;
	const parsed = parseBackup(plain, opened.encrypted ? plain.length : bytes, contentSchemas());
	if (!parsed.ok) return parsed;
	const other = otherWorkspace(parsed.header, parsed.records);
	if (other) return other;
	await keepLocalSecrets(parsed.records.settings ?? [], parsed.header.leftOut);
	const sealed = new Map<RecordTable, IncomingRow[]>();
	const purges = new PurgeCheck(await purgedParticipants());
	for (const t of parsed.records.tombstones ?? []) purges.purged.add(t.participantId as string);
	try {
		for (const table of RECORD_TABLES) {
			const incoming = (parsed.records[table] ?? []).filter((r) => !purges.belongs(table, r));
			sealed.set(table, await Promise.all(incoming.map((r, i) => toRow(table, i, r))));
		}
	} catch (e) {
		if (e instanceof ImportStop) return { ok: false, problem: e.problem as BackupProblem };
		throw e;
	}
	return { ok: true, sealed, authorId: parsed.header.workspace.authorId, purges };
}

/**
 * Synthetic records must never feed a real workspace's maps and summaries, nor real field data
 * go into the unencrypted demo: a backup from the other kind of workspace is refused.
 */
function otherWorkspace(
	header: Parameters<typeof backupWorkspace>[0],
	records: Parameters<typeof backupWorkspace>[1]
): { ok: false; problem: RestoreProblem } | null {
	const file = backupWorkspace(header, records);
	return file === (currentKind() ?? 'main')
		? null
		: { ok: false, problem: { kind: 'other-workspace', file } };
}

/**
 * A plaintext backup carries settings without their secrets: the local names list and team key
 * are put into the incoming record, so restoring it never empties them.
 */
async function keepLocalSecrets(settings: BackupRecord[], leftOut: readonly string[]) {
	const secrets = SECRET_SETTINGS.filter((k) => leftOut.includes(k));
	if (!secrets.length || !settings.length) return;
	const local = await getSettings();
	for (const r of settings) for (const k of secrets) r[k] = local[k];
}
