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

export const META_KEYS = [
	'id',
	'createdAt',
	'updatedAt',
	'deletedAt',
	'authorId',
	'deviceId',
	'rev'
] as const satisfies readonly (keyof RecordMeta)[];

/** The vector after one more change made on `deviceId`. */
export function bumpRev(rev: Record<string, number>, deviceId: string): Record<string, number> {
	return { ...rev, [deviceId]: (rev[deviceId] ?? 0) + 1 };
}

/** Splits an entity into its metadata and its content (the part that gets sealed). */
export function splitEntity<C extends object>(
	entity: RecordMeta & C
): {
	meta: RecordMeta;
	content: C;
} {
	const { id, createdAt, updatedAt, deletedAt, authorId, deviceId, rev, ...content } = entity;
	return {
		meta: { id, createdAt, updatedAt, deletedAt, authorId, deviceId, rev },
		content: content as unknown as C
	};
}

/** The record the user most recently changed wins; ties keep what is there. */
export function isNewer(incoming: RecordMeta, existing: RecordMeta | undefined): boolean {
	return existing === undefined || incoming.updatedAt > existing.updatedAt;
}
