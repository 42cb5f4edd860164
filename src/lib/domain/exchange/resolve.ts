import { newId as makeId } from '../records/ids';
import { bumpRev, nextUpdatedAt } from '../records/record';
import { joinRev, type ExchangeRecord } from './merge';

/** The user's choice for one conflict, made with both versions side by side. */
export type Resolution = 'mine' | 'theirs' | 'both';

export interface ResolveContext<R extends ExchangeRecord = ExchangeRecord> {
	/** This device and author: the resolution is a change made here. */
	deviceId: string;
	authorId: string;
	now: number;
	/** For tests; a new ULID otherwise. */
	newId?: () => string;
	/** Appended to the copy's name when keeping both, e.g. " (from Bo)" in the user's language. */
	copySuffix?: string;
	/** Longest name the table allows; the copy's name is shortened to fit the suffix. */
	maxNameLength?: number;
	/** Marks the copy instead of the default (a suffix on its name), for tables without a name. */
	markCopy?: (copy: R) => R;
}

export interface Resolved<R extends ExchangeRecord = ExchangeRecord> {
	/** Records to store: the resolved original, and the copy when keeping both. */
	writes: R[];
	copy: R | null;
}

/** Fields a record may be named by, in the order tried; the first string one gets the suffix. */
const NAME_FIELDS = ['name', 'label', 'title', 'displayName', 'pseudonym'];

function suffixName<R extends ExchangeRecord>(record: R, suffix: string, max: number): R {
	const field = NAME_FIELDS.find((f) => typeof record[f] === 'string');
	if (!field) return record;
	const name = record[field] as string;
	return { ...record, [field]: name.slice(0, Math.max(0, max - suffix.length)) + suffix };
}

/**
 * Settles a conflict. The result carries the pointwise maximum of both vectors plus one change on
 * this device, so it is newer than what either side held: the next exchange takes it everywhere
 * instead of raising the same conflict again.
 * Keeping both of a deletion and an edit keeps the edit (the live record): nothing is lost.
 */
export function resolveConflict<R extends ExchangeRecord>(
	conflict: { local: R; incoming: R },
	choice: Resolution,
	ctx: ResolveContext<R>
): Resolved<R> {
	const { local, incoming } = conflict;
	const rev = bumpRev(joinRev(local.rev, incoming.rev), ctx.deviceId);
	const stamp = {
		rev,
		// Never earlier than what is shown now, even if this device's clock is behind.
		updatedAt: nextUpdatedAt(local.updatedAt, ctx.now),
		authorId: ctx.authorId,
		deviceId: ctx.deviceId
	};
	const oneDeleted = (local.deletedAt === null) !== (incoming.deletedAt === null);
	let keep: Resolution = choice;
	if (choice === 'both' && oneDeleted) keep = local.deletedAt === null ? 'mine' : 'theirs';

	const base = keep === 'theirs' ? incoming : local;
	const resolved = { ...base, id: local.id, createdAt: local.createdAt, ...stamp } as R;
	if (keep !== 'both') return { writes: [resolved], copy: null };

	const fresh = {
		...incoming,
		id: (ctx.newId ?? makeId)(),
		createdAt: ctx.now,
		updatedAt: ctx.now,
		deletedAt: null,
		authorId: ctx.authorId,
		deviceId: ctx.deviceId,
		// A new record with one change, made here.
		rev: { [ctx.deviceId]: 1 }
	} as R;
	const copy = ctx.markCopy
		? ctx.markCopy(fresh)
		: suffixName(fresh, ctx.copySuffix ?? ' (2)', ctx.maxNameLength ?? 200);
	return { writes: [resolved, copy], copy };
}
