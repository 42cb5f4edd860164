import type { ExchangeRecord } from '$lib/domain/exchange/merge';
import { splitEntity } from '$lib/domain/records/record';
import { recordKey, type SyncedChange } from '$lib/domain/sync/change';
import { planSync, type IncomingChange, type SyncPlan } from '$lib/domain/sync/plan';
import type { Row } from '$lib/db/db';
import { RecordValidationError } from '$lib/db/errors';
import { REPOSITORIES, type AnyRepository } from '$lib/db/registry';
import { isSyncTable } from '$lib/db/sync-outbox';
import {
	applyRemote,
	outboxStamps,
	purgedKeys,
	sealConflict,
	StalePlanError
} from '$lib/db/sync-store';

/**
 * Applies pulled changes through the repositories: every incoming record is upgraded, validated
 * and sealed by its table's repository, exactly as a write made here; the plan is the
 * team-package planner's, by version vectors; the page lands in one transaction with the cursor.
 */
export interface ApplyCounts {
	applied: number;
	same: number;
	conflicts: number;
	purged: number;
	/** Changes this app cannot take: a table or a record version it does not know (update it), or a record that fails validation. */
	refused: number;
}

export function repoFor(table: string): AnyRepository {
	return REPOSITORIES[table as keyof typeof REPOSITORIES];
}

/** A record as it travels (the repository's JSON form, with its content version). */
export function asTravelling(repo: AnyRepository, entity: object): ExchangeRecord {
	return { ...repo.toJson(entity as never), v: repo.def.version } as unknown as ExchangeRecord;
}

function toEntity(repo: AnyRepository, record: ExchangeRecord): object {
	const { v: _v, ...rest } = record;
	const { meta, content } = splitEntity(rest);
	return repo.fromJson({ ...content, ...meta });
}

/** An incoming change as this app can hold it, or null (unknown table, newer record version). */
function accept(change: SyncedChange): IncomingChange | null {
	if (!isSyncTable(change.table)) return null;
	if (change.kind === 'purge') return change;
	const repo = repoFor(change.table);
	if (change.v > repo.def.version) return null;
	let record = { ...change.record, v: repo.def.version } as unknown as ExchangeRecord;
	if (change.v < repo.def.version && repo.def.upgrade) {
		const { meta, content } = splitEntity(record);
		record = { ...(repo.def.upgrade(content, change.v) as object), ...meta } as ExchangeRecord;
		record.v = repo.def.version;
	}
	return { kind: 'record', table: change.table, id: change.id, record };
}

async function readLocal(keys: Map<string, { table: string; id: string }>) {
	const byTable = new Map<string, string[]>();
	for (const { table, id } of keys.values())
		byTable.set(table, [...(byTable.get(table) ?? []), id]);
	const out = new Map<string, ExchangeRecord | undefined>();
	for (const [table, ids] of byTable) {
		const repo = repoFor(table);
		const found = await repo.getMany(ids);
		ids.forEach((id, i) => {
			const e = found[i];
			out.set(recordKey(table, id), e ? asTravelling(repo, e) : undefined);
		});
	}
	return out;
}

async function sealPlan(plan: SyncPlan, counts: ApplyCounts) {
	const rows = new Map<string, Row[]>();
	for (const [key, { table, record }] of plan.writes) {
		const repo = repoFor(table);
		try {
			const row = await repo.toRow(toEntity(repo, record) as never);
			rows.set(table, [...(rows.get(table) ?? []), row]);
		} catch (e) {
			if (!(e instanceof RecordValidationError)) throw e;
			// A teammate's app wrote what this one refuses: leave the record as it is here.
			plan.writes.delete(key);
			plan.subsumed.delete(key);
			counts.applied--;
			counts.refused++;
		}
	}
	const conflicts = await Promise.all(
		plan.conflicts.map((c) =>
			sealConflict({
				key: c.key,
				record: c.record,
				table: c.table,
				id: c.id,
				v: repoFor(c.table).def.version,
				incoming: c.incoming
			})
		)
	);
	return { rows, conflicts };
}

/**
 * Plans, seals and writes one page. If a local write lands on one of its records meanwhile, the
 * page is planned again against it (a few times), so no local change is overwritten unseen.
 */
export async function applyChanges(
	changes: readonly SyncedChange[],
	cursor: number
): Promise<ApplyCounts> {
	const incoming: IncomingChange[] = [];
	let refused = 0;
	for (const c of changes) {
		const ok = accept(c);
		if (ok) incoming.push(ok);
		else refused++;
	}
	const keys = new Map(incoming.map((c) => [recordKey(c.table, c.id), c]));
	for (let attempt = 0; ; attempt++) {
		const snapshot = await outboxStamps([...keys.keys()]);
		const local = await readLocal(keys);
		const purged = await purgedKeys([...keys.keys()]);
		const plan = planSync(local, purged, incoming);
		const { applied, same, conflicts: n, purged: gone } = plan.counts;
		const counts: ApplyCounts = { applied, same, conflicts: n, purged: gone, refused };
		const { rows, conflicts } = await sealPlan(plan, counts);
		try {
			await applyRemote({
				rows,
				purges: [...plan.purges.values()],
				snapshot,
				subsumed: plan.subsumed,
				conflicts,
				cursor
			});
			return counts;
		} catch (e) {
			if (!(e instanceof StalePlanError) || attempt >= 4) throw e;
		}
	}
}
