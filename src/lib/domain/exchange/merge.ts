import { isMetaKey, type RecordMeta } from '../records/record';
import { deepEqual } from './equal';

/** Any stored record as it travels: metadata, `rev`, and content fields (and `v`, its schema version). */
export type ExchangeRecord = RecordMeta & Record<string, unknown>;
export type Rev = Readonly<Record<string, number>>;

/** How vector `a` stands to `b`: the same history, strictly more, strictly less, or each has changes the other lacks. */
export type RevOrder = 'equal' | 'ahead' | 'behind' | 'concurrent';

export function compareRev(a: Rev, b: Rev): RevOrder {
	let more = false;
	let less = false;
	for (const device of new Set([...Object.keys(a), ...Object.keys(b)])) {
		const x = a[device] ?? 0;
		const y = b[device] ?? 0;
		if (x > y) more = true;
		else if (x < y) less = true;
		if (more && less) return 'concurrent';
	}
	return more ? 'ahead' : less ? 'behind' : 'equal';
}

/** Pointwise maximum: a vector that has seen every change either side has seen. */
export function joinRev(a: Rev, b: Rev): Record<string, number> {
	const out: Record<string, number> = { ...a };
	for (const [device, n] of Object.entries(b)) out[device] = Math.max(out[device] ?? 0, n);
	return out;
}

/**
 * Whether a field says who wrote a record and when (its metadata, or `v`, the version of its JSON
 * form), not what it holds. Times come from device clocks, which can be wrong by years: they are
 * shown, never used to decide.
 */
export function notContent(key: string): boolean {
	return isMetaKey(key) || key === 'v';
}

/** Same content and the same state (live or deleted); when and where it was written does not matter. */
export function sameContent(a: ExchangeRecord, b: ExchangeRecord): boolean {
	if ((a.deletedAt === null) !== (b.deletedAt === null)) return false;
	for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
		if (notContent(key)) continue;
		if (!deepEqual(a[key], b[key])) return false;
	}
	return true;
}

/**
 * - `both-changed`: both sides edited it since they last met.
 * - `deleted-here` / `deleted-there`: one side deleted it, the other edited it.
 * - `diverged`: the same vector with different content; only possible when a device reused its
 *   counters (it restored an old backup and kept editing). Shown like any conflict, never guessed.
 */
export type ConflictReason = 'both-changed' | 'deleted-here' | 'deleted-there' | 'diverged';

export interface Conflict<R extends ExchangeRecord = ExchangeRecord> {
	kind: 'conflict';
	id: string;
	local: R;
	incoming: R;
	reason: ConflictReason;
}

export type ImportDecision<R extends ExchangeRecord = ExchangeRecord> =
	| { kind: 'add'; id: string; incoming: R }
	| {
			kind: 'take-incoming';
			id: string;
			local: R;
			incoming: R;
			effect: 'update' | 'delete' | 'restore';
	  }
	| { kind: 'keep-local'; id: string; local: R; incoming: R }
	/** `write` is set when only the vector needs updating: both sides made the same change. */
	| { kind: 'same'; id: string; local: R; incoming: R; write: R | null }
	| Conflict<R>;

export type DecisionKind = ImportDecision['kind'];

export interface ImportPlan<R extends ExchangeRecord = ExchangeRecord> {
	/** One per incoming record, in the package's order. */
	decisions: ImportDecision<R>[];
	/** Records to store as they are; nothing else changes. Conflicts wait for the user. */
	writes: R[];
	conflicts: Conflict<R>[];
	counts: Record<DecisionKind, number>;
}

export function decide<R extends ExchangeRecord>(
	local: R | undefined,
	incoming: R
): ImportDecision<R> {
	const id = incoming.id;
	if (local === undefined) return { kind: 'add', id, incoming };
	const order = compareRev(incoming.rev, local.rev);
	if (order === 'ahead') {
		const effect =
			incoming.deletedAt !== null && local.deletedAt === null
				? 'delete'
				: incoming.deletedAt === null && local.deletedAt !== null
					? 'restore'
					: 'update';
		return { kind: 'take-incoming', id, local, incoming, effect };
	}
	if (order === 'behind') return { kind: 'keep-local', id, local, incoming };
	const same = sameContent(local, incoming);
	if (order === 'equal')
		return same
			? { kind: 'same', id, local, incoming, write: null }
			: { kind: 'conflict', id, local, incoming, reason: 'diverged' };
	// Concurrent. Deleted on both sides counts as agreement, whatever the tombstones still hold.
	if (same || (local.deletedAt !== null && incoming.deletedAt !== null))
		return {
			kind: 'same',
			id,
			local,
			incoming,
			write: { ...local, rev: joinRev(local.rev, incoming.rev) }
		};
	const reason: ConflictReason =
		local.deletedAt !== null
			? 'deleted-here'
			: incoming.deletedAt !== null
				? 'deleted-there'
				: 'both-changed';
	return { kind: 'conflict', id, local, incoming, reason };
}

/**
 * What importing a package's records of one table would do, without doing it. Decisions come
 * from the version vectors only, so the plan is the same whatever the clocks of the devices say,
 * importing the same records twice writes nothing, and an older package writes nothing.
 * Incoming ids are expected to be unique (the package parser checks that).
 */
export function planImport<R extends ExchangeRecord>(
	local: ReadonlyMap<string, R> | readonly R[],
	incoming: readonly R[]
): ImportPlan<R> {
	const here: ReadonlyMap<string, R> =
		local instanceof Map ? local : new Map((local as readonly R[]).map((r) => [r.id, r]));
	const decisions: ImportDecision<R>[] = [];
	const writes: R[] = [];
	const conflicts: Conflict<R>[] = [];
	const counts: Record<DecisionKind, number> = {
		add: 0,
		'take-incoming': 0,
		'keep-local': 0,
		same: 0,
		conflict: 0
	};
	for (const record of incoming) {
		const d = decide(here.get(record.id), record);
		decisions.push(d);
		counts[d.kind]++;
		if (d.kind === 'add' || d.kind === 'take-incoming') writes.push(d.incoming);
		else if (d.kind === 'same' && d.write) writes.push(d.write);
		else if (d.kind === 'conflict') conflicts.push(d);
	}
	return { decisions, writes, conflicts, counts };
}

/** Plans every table of a package against what the workspace holds, table by table. */
export function planTables<R extends ExchangeRecord>(
	local: Readonly<Record<string, ReadonlyMap<string, R> | readonly R[]>>,
	incoming: Readonly<Record<string, readonly R[]>>
): Record<string, ImportPlan<R>> {
	const out: Record<string, ImportPlan<R>> = {};
	for (const [table, records] of Object.entries(incoming))
		out[table] = planImport(local[table] ?? [], records);
	return out;
}
