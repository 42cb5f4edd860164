import { m } from '$lib/paraglide/messages.js';
import type { BackupProblem, MergeSummary } from '$lib/domain/backup';
import { formatBytes, type AppLocale } from '$lib/domain/format/datetime';

export function describeBackupProblem(p: BackupProblem, locale: AppLocale): string {
	switch (p.kind) {
		case 'too-large':
			return m.backupTooLarge({ size: formatBytes(p.bytes, locale) });
		case 'not-json':
			return m.backupNotJson({ detail: p.detail });
		case 'not-backup':
			return m.backupNotBackup();
		case 'future-version':
			return m.backupFutureVersion({ version: p.version });
		case 'invalid':
			return m.backupInvalid({ path: p.path, detail: p.detail });
		case 'other-workspace':
			return p.file === 'demo' ? m.deskBackupFromDemo() : m.deskBackupIntoDemo();
		case 'unknown-table':
			return m.backupUnknownTable({ table: p.table.slice(0, 40) });
	}
}

export function describeMerge(s: MergeSummary): string {
	return m.backupRestored({
		added: s.added,
		updated: s.updated,
		keptLocal: s.keptLocal,
		same: s.same
	});
}
