import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupRecord } from '$lib/domain/backup';
import { copenhagenDayKey } from '$lib/domain/format/datetime';
import { RECORD_TABLES } from '$lib/db/db';
import { REPOSITORIES } from '$lib/db/registry';
import { currentKind, db, identity } from '$lib/db/workspace';
import { SECRET_SETTINGS } from '$lib/domain/settings/privacy-settings';
import {
	protectFile,
	type Protection,
	type ProtectOptions
} from '$lib/features/export/export-protection.service';
import type { ExportRecords } from '$lib/features/export/export-scan.service';

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

export {
	MAX_BACKUP_FILE_BYTES,
	restoreBackup,
	type RestoreProblem,
	type RestoreResult
} from './backup-restore.service';
