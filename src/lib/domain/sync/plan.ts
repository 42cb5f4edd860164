import { decide, type ExchangeRecord } from '../exchange/merge';
import { recordKey, revKey } from './change';

/** One pulled change, opened and checked: a record's version, or its purge. */
export type IncomingChange =
	| { kind: 'record'; table: string; id: string; record: ExchangeRecord }
	| { kind: 'purge'; table: string; id: string };

export interface PlannedConflict {
	/** `table:id:rev`: one per incoming version, so the same version pulled twice is kept once. */
	key: string;
	record: string;
	table: string;
	id: string;
	incoming: ExchangeRecord;
}

export interface SyncPlan {
	/** The state to store per record (`table:id`), after every change of the page in log order. */
	writes: Map<string, { table: string; record: ExchangeRecord }>;
	purges: Map<string, { table: string; id: string }>;
	/** Records whose local pending change an incoming version already holds (it is ahead). */
	subsumed: Set<string>;
	conflicts: PlannedConflict[];
	counts: { applied: number; same: number; conflicts: number; purged: number; ignored: number };
}

/**
 * What a pulled page does to this workspace, decided by version vectors only (the team-package
 * planner's `decide`, so sync and packages agree). Changes are taken in the log's order, each
 * against the state the previous ones left, so a record edited three times ends as the last
 * edit. Concurrent versions are kept as conflicts for the user, never guessed; a purge wins over
 * everything, and a record purged anywhere is never brought back by an older copy.
 */
export function planSync(
	local: ReadonlyMap<string, ExchangeRecord | undefined>,
	purged: ReadonlySet<string>,
	changes: readonly IncomingChange[]
): SyncPlan {
	const current = new Map(local);
	const gone = new Set(purged);
	const plan: SyncPlan = {
		writes: new Map(),
		purges: new Map(),
		subsumed: new Set(),
		conflicts: [],
		counts: { applied: 0, same: 0, conflicts: 0, purged: 0, ignored: 0 }
	};
	const seenConflicts = new Set<string>();
	for (const change of changes) {
		const key = recordKey(change.table, change.id);
		if (change.kind === 'purge') {
			if (!gone.has(key)) plan.counts.purged++;
			gone.add(key);
			plan.writes.delete(key);
			plan.purges.set(key, { table: change.table, id: change.id });
			plan.subsumed.add(key);
			current.set(key, undefined);
			continue;
		}
		if (gone.has(key)) {
			plan.counts.ignored++;
			continue;
		}
		const d = decide(current.get(key), change.record);
		if (d.kind === 'add' || d.kind === 'take-incoming') {
			plan.writes.set(key, { table: change.table, record: d.incoming });
			plan.subsumed.add(key);
			current.set(key, d.incoming);
			plan.counts.applied++;
		} else if (d.kind === 'same' && d.write) {
			plan.writes.set(key, { table: change.table, record: d.write });
			current.set(key, d.write);
			plan.counts.same++;
		} else if (d.kind === 'conflict') {
			const conflictKey = `${key}:${revKey(change.record.rev)}`;
			if (!seenConflicts.has(conflictKey)) {
				seenConflicts.add(conflictKey);
				plan.conflicts.push({
					key: conflictKey,
					record: key,
					table: change.table,
					id: change.id,
					incoming: change.record
				});
				plan.counts.conflicts++;
			}
		} else plan.counts.same++;
	}
	return plan;
}

/** Whether a kept conflict still stands against the record as it is now (it may be settled). */
export function stillConflicts(
	local: ExchangeRecord | undefined,
	incoming: ExchangeRecord
): boolean {
	return local !== undefined && decide(local, incoming).kind === 'conflict';
}
