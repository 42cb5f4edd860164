import type { ExchangeRecord } from '$lib/domain/exchange/merge';
import { decide } from '$lib/domain/exchange/merge';
import type { Resolution } from '$lib/domain/exchange/resolve';
import { splitEntity } from '$lib/domain/records/record';
import { change, commit } from '$lib/db/commit';
import { dropConflicts, readConflicts, type StoredConflict } from '$lib/db/sync-store';
import { identity } from '$lib/db/workspace';
import { KEEP_BOTH, type ExchangeTable } from '$lib/features/exchange/exchange-tables.service';
import { resolveOne } from '$lib/features/exchange/package-import.service';
import { asTravelling, repoFor } from './sync-apply.service';

/**
 * Conflicts that sync kept: this device's version stays in place, the teammate's concurrent
 * version waits (sealed) until the user chooses, with the same choices and the same resolution
 * as a team package's conflicts (`resolveOne`). A resolution is an ordinary write, so it syncs
 * and settles the conflict on the other devices too (its vector is ahead of both versions).
 */
export interface SyncConflict {
	key: string;
	table: ExchangeTable;
	local: ExchangeRecord;
	incoming: ExchangeRecord;
	reason: ReturnType<typeof conflictReason>;
	keepBoth: boolean;
}

function conflictReason(local: ExchangeRecord, incoming: ExchangeRecord) {
	const d = decide(local, incoming);
	return d.kind === 'conflict' ? d.reason : null;
}

/** The conflicts still open; those a later change settled (here or elsewhere) are dropped. */
export async function listConflicts(): Promise<SyncConflict[]> {
	const stored = await readConflicts();
	const open: SyncConflict[] = [];
	const settled: string[] = [];
	for (const c of stored) {
		const repo = repoFor(c.table);
		const entity = await repo.get(c.id);
		const local = entity ? asTravelling(repo, entity) : undefined;
		const incoming = { ...c.incoming, v: repo.def.version } as unknown as ExchangeRecord;
		const reason = local ? conflictReason(local, incoming) : null;
		if (!local || !reason) {
			settled.push(c.key);
			continue;
		}
		const table = c.table as ExchangeTable;
		open.push({ key: c.key, table, local, incoming, reason, keepBoth: KEEP_BOTH.has(table) });
	}
	if (settled.length) await dropConflicts(settled);
	return open;
}

/** Writes the user's choice through the repository, in one transaction, and closes the conflict. */
export async function settleConflict(
	c: SyncConflict,
	choice: Resolution,
	copySuffix: string,
	now = Date.now()
): Promise<void> {
	const { deviceId, authorId } = identity();
	const item = {
		key: c.key,
		table: c.table,
		conflict: {
			kind: 'conflict' as const,
			id: c.local.id,
			local: c.local,
			incoming: c.incoming,
			reason: c.reason!
		},
		keepBoth: c.keepBoth
	};
	const { writes } = resolveOne(item, choice, { deviceId, authorId, now, copySuffix });
	const repo = repoFor(c.table);
	const entities = writes.map((w) => {
		const { v: _v, ...rest } = w;
		const { meta, content } = splitEntity(rest);
		return repo.fromJson({ ...content, ...meta });
	});
	await commit([change(repo, entities)]);
	await dropConflicts([c.key]);
}

export type { StoredConflict };
