import type { BackupHeader, BackupRecord } from './format';

/**
 * Which workspace a backup was made from. The header says so; a settings record marked as the
 * demo's says so too, so a demo file whose header was edited by hand is still known for one.
 */
export function backupWorkspace(
	header: Pick<BackupHeader, 'workspace'>,
	records: Record<string, readonly BackupRecord[]>
): 'main' | 'demo' {
	if (header.workspace.kind === 'demo') return 'demo';
	return (records.settings ?? []).some((r) => r.demo === true) ? 'demo' : 'main';
}
