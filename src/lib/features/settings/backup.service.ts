import {
	BACKUP_FORMAT,
	BACKUP_FORMAT_VERSION,
	MAX_BACKUP_BYTES,
	decide,
	emptySummary,
	backupWorkspace,
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
import { SECRET_SETTINGS } from '$lib/domain/settings/privacy-settings';
import { getSettings } from '$lib/db/settings.repo';
import {
	envelopeLimit,
	openFile,
	protectFile,
	type EnvelopeProblem,
	type Protection,
	type ProtectOptions
} from '$lib/features/export/export-protection.service';
import type { ExportRecords } from '$lib/features/export/export-scan.service';
import type { KdfOptions } from '$lib/crypto';

/** A backup built in memory, not yet written anywhere: scanned, then sealed into a file. */
export interface BackupDraft {
	filename: string;
	doc: BackupDocument;
	records: number;
}

export interface BackupDocument {
	format: typeof BACKUP_FORMAT;
	formatVersion: number;
	exportedAt: number;
	app: { version: string };
	workspace: { kind: 'main' | 'demo'; deviceId: string; authorId: string };
	/** Settings fields a plaintext backup leaves out (and a restore keeps as they are). */
	leftOut?: string[];
	records: Record<string, BackupRecord[]>;
}

export interface BackupFile {
	filename: string;
	text: string;
	records: number;
	encrypted: boolean;
}

/** The largest file an import reads: a backup at its limit, encrypted. */
export const MAX_BACKUP_FILE_BYTES = envelopeLimit(MAX_BACKUP_BYTES);

function contentSchemas() {
	return Object.fromEntries(
		RECORD_TABLES.map((t) => [t, REPOSITORIES[t].def.json?.schema ?? REPOSITORIES[t].def.content])
	);
}

/** The whole workspace, the trash included, as one versioned JSON document (in memory). */
export async function buildBackup(now = Date.now()): Promise<BackupDraft> {
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
	const doc: BackupDocument = {
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_FORMAT_VERSION,
		exportedAt: now,
		app: { version: __APP_VERSION__ },
		workspace: { kind, ...identity() },
		records
	};
	const prefix = kind === 'demo' ? 'stedsans-demo-backup' : 'stedsans-backup';
	return { filename: `${prefix}-${copenhagenDayKey(now)}.json`, doc, records: count };
}

/** What the scan before an export reads: every record the file will hold. */
export function backupRecords(draft: BackupDraft): ExportRecords {
	return draft.doc.records;
}

/**
 * The document as a plaintext file holds it: the settings' secrets (the names that must never
 * appear, the team package key) are left out, and the file says so.
 */
function withoutSecrets(doc: BackupDocument): BackupDocument {
	const settings = (doc.records.settings ?? []).map((r) => {
		const copy: Record<string, unknown> = { ...r };
		for (const key of SECRET_SETTINGS) delete copy[key];
		return copy as BackupRecord;
	});
	return { ...doc, leftOut: [...SECRET_SETTINGS], records: { ...doc.records, settings } };
}

/** The backup file: encrypted as asked, or plaintext (without secrets) when that was confirmed. */
export async function sealBackup(
	draft: BackupDraft,
	protection: Protection,
	options: ProtectOptions = {}
): Promise<BackupFile> {
	const plain = protection.kind === 'plaintext';
	const text = await protectFile(
		JSON.stringify(plain ? withoutSecrets(draft.doc) : draft.doc),
		'backup',
		protection,
		options
	);
	const filename = plain ? draft.filename : draft.filename.replace(/\.json$/, '.stedsans');
	return { filename, text, records: draft.records, encrypted: !plain };
}

export type RestoreProblem = BackupProblem | EnvelopeProblem;

export type RestoreResult =
	| { ok: true; summary: MergeSummary; byTable: Record<RecordTable, MergeSummary> }
	| { ok: false; problem: RestoreProblem };

/**
 * Merges a backup into the open workspace by id (newer `updatedAt` wins) in one transaction:
 * either every record is written or none is. An encrypted backup needs its passphrase: without
 * one the result asks for it (`encrypted`), with a wrong one it says so, and nothing is written.
 */
export async function restoreBackup(
	text: string,
	bytes: number,
	unlock: { passphrase?: string; kdf?: KdfOptions } = {}
): Promise<RestoreResult> {
	if (bytes > MAX_BACKUP_FILE_BYTES) return { ok: false, problem: { kind: 'too-large', bytes } };
	const opened = await openFile(text, 'backup', unlock);
	if (!opened.ok) return opened;
	const plain = opened.text;
	const parsed = parseBackup(plain, opened.encrypted ? plain.length : bytes, contentSchemas());
	if (!parsed.ok) return parsed;
	// Synthetic records must never feed a real workspace's maps, nor real ones the demo.
	const file = backupWorkspace(parsed.header, parsed.records);
	if (file !== (currentKind() ?? 'main'))
		return { ok: false, problem: { kind: 'other-workspace', file } };
	await keepLocalSecrets(parsed.records, parsed.header.leftOut);

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

/**
 * A plaintext backup carries settings without their secrets: the local names list and team key
 * are put into the incoming record, so restoring it never empties them.
 */
async function keepLocalSecrets(
	records: Record<string, BackupRecord[]>,
	leftOut: readonly string[]
): Promise<void> {
	const secrets = SECRET_SETTINGS.filter((k) => leftOut.includes(k));
	if (!secrets.length || !records.settings?.length) return;
	const local = await getSettings();
	for (const r of records.settings) for (const k of secrets) r[k] = local[k];
}

function pickMeta(e: RecordMeta) {
	const { id, createdAt, updatedAt, deletedAt, authorId, deviceId, rev } = e;
	return { id, createdAt, updatedAt, deletedAt, authorId, deviceId, rev };
}
