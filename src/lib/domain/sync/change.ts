import { z } from 'zod';

/**
 * What one envelope holds once opened: one change of one record, as the app syncs it. The relay
 * sees none of this. A `record` carries the whole record as JSON carries it (the repository's
 * `toJson`: metadata, version vector, times, content) and the version of its content schema; a
 * `purge` says the record was deleted for good (the trash emptied, a withdrawal's purge), so
 * every device drops it too.
 *
 * The table and the record id are inside the authenticated ciphertext: AES-GCM binds them as
 * firmly as additional data would, and the relay, which must not learn them, never sees them.
 */
const Table = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/);
const RecordId = z.string().min(1).max(64);

export const SyncedRecord = z.strictObject({
	kind: z.literal('record'),
	table: Table,
	id: RecordId,
	v: z.int().min(1),
	record: z.looseObject({ id: RecordId, rev: z.record(z.string(), z.int().min(0)) })
});
export type SyncedRecord = z.infer<typeof SyncedRecord>;

export const SyncedPurge = z.strictObject({ kind: z.literal('purge'), table: Table, id: RecordId });
export type SyncedPurge = z.infer<typeof SyncedPurge>;

export const SyncedChange = z.discriminatedUnion('kind', [SyncedRecord, SyncedPurge]);
export type SyncedChange = z.infer<typeof SyncedChange>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeChange(change: SyncedChange): Uint8Array<ArrayBuffer> {
	return encoder.encode(JSON.stringify(change));
}

/** Null for bytes that are not a change this app understands (a newer app's format). */
export function decodeChange(bytes: Uint8Array): SyncedChange | null {
	try {
		const parsed = SyncedChange.safeParse(JSON.parse(decoder.decode(bytes)));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/** `table:id`: how the outbox, the conflicts and the purged list name a record. */
export function recordKey(table: string, id: string): string {
	return `${table}:${id}`;
}

/** A version vector as a stable string (sorted devices): two equal vectors give the same text. */
export function revKey(rev: Readonly<Record<string, number>>): string {
	return Object.keys(rev)
		.filter((d) => (rev[d] ?? 0) > 0)
		.sort()
		.map((d) => `${d}=${rev[d]}`)
		.join(',');
}
