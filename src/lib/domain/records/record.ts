import { z } from 'zod';
import { ULID_PATTERN } from './ids';

export const Id = z.string().regex(ULID_PATTERN, 'not a valid id (ULID)');
export const Timestamp = z.number().int().min(0).max(8.64e15);

/** What every stored record carries besides its content. */
export const RecordMeta = z.object({
	id: Id,
	createdAt: Timestamp,
	updatedAt: Timestamp,
	deletedAt: Timestamp.nullable(),
	authorId: z.string().min(1).max(64),
	deviceId: z.string().min(1).max(64),
	/**
	 * Version vector: how many changes each device has made to this record. Team exchange compares
	 * vectors to tell "changed on one side" from "changed on both sides" without trusting clocks.
	 */
	rev: z.record(z.string().max(64), z.number().int().nonnegative()).default({})
});
export type RecordMeta = z.infer<typeof RecordMeta>;

export type Entity<C> = RecordMeta & C;

/** The one list of what a record carries besides its content; everything else is content. */
export const META_KEYS = [
	'id',
	'createdAt',
	'updatedAt',
	'deletedAt',
	'authorId',
	'deviceId',
	'rev'
] as const satisfies readonly (keyof RecordMeta)[];

const META_KEY_SET: ReadonlySet<string> = new Set(META_KEYS);

/** Whether a field of a stored record is metadata (who wrote it, when, which version) rather than content. */
export function isMetaKey(key: string): boolean {
	return META_KEY_SET.has(key);
}

/** The vector after one more change made on `deviceId`. */
export function bumpRev(rev: Record<string, number>, deviceId: string): Record<string, number> {
	return { ...rev, [deviceId]: (rev[deviceId] ?? 0) + 1 };
}

/**
 * The `updatedAt` of a change made at `now` to a record last changed at `previous`: never earlier
 * than, nor equal to, what is stored, even when this device's clock has gone back (a wrong clock
 * set right, a phone crossing a time zone badly), so "newer wins" still sees the change as newer.
 */
export function nextUpdatedAt(previous: number, now: number): number {
	return Math.max(now, previous + 1);
}

/** Who makes a change: this workspace's author and device. */
export interface Stamper {
	authorId: string;
	deviceId: string;
}

/**
 * The entity after one change by `by` at `now`: `change` applied, `updatedAt` moved on
 * monotonically, author and device set, the version vector counted up once.
 */
export function stamp<E extends RecordMeta>(
	entity: E,
	change: Partial<E>,
	now: number,
	by: Stamper
): E {
	return {
		...entity,
		...change,
		updatedAt: nextUpdatedAt(entity.updatedAt, now),
		authorId: by.authorId,
		deviceId: by.deviceId,
		rev: bumpRev(entity.rev, by.deviceId)
	};
}

/** The metadata of anything that carries it (an entity, a stored row), and nothing else. */
export function pickMeta(record: RecordMeta): RecordMeta {
	return Object.fromEntries(META_KEYS.map((k) => [k, record[k]])) as RecordMeta;
}

/** Splits an entity into its metadata and its content (the part that gets sealed). */
export function splitEntity<C extends object>(
	entity: RecordMeta & C
): {
	meta: RecordMeta;
	content: C;
} {
	const content = Object.fromEntries(Object.entries(entity).filter(([k]) => !isMetaKey(k)));
	return { meta: pickMeta(entity), content: content as C };
}

/** The record the user most recently changed wins; ties keep what is there. */
export function isNewer(incoming: RecordMeta, existing: RecordMeta | undefined): boolean {
	return existing === undefined || incoming.updatedAt > existing.updatedAt;
}
