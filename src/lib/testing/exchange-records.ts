import { newId } from '$lib/domain/records/ids';
import type { ExchangeRecord } from '$lib/domain/exchange/merge';

/** A record as a device holds it: content fields, a version vector, and metadata. */
export function rec(
	content: Record<string, unknown>,
	rev: Record<string, number>,
	meta: Partial<ExchangeRecord> = {}
): ExchangeRecord {
	return {
		id: newId(),
		createdAt: 1_000,
		updatedAt: 2_000,
		deletedAt: null,
		authorId: 'anna',
		deviceId: Object.keys(rev)[0] ?? 'A',
		rev,
		v: 1,
		...content,
		...meta
	};
}

/** The same record after a change made on `device`: new content, one more change in the vector. */
export function edit(
	r: ExchangeRecord,
	device: string,
	change: Record<string, unknown>,
	at = r.updatedAt + 1
): ExchangeRecord {
	return {
		...r,
		...change,
		updatedAt: at,
		deviceId: device,
		rev: { ...r.rev, [device]: (r.rev[device] ?? 0) + 1 }
	};
}

/** A workspace after writing a plan's records: a map by id. */
export function apply(
	local: ReadonlyMap<string, ExchangeRecord>,
	writes: readonly ExchangeRecord[]
): Map<string, ExchangeRecord> {
	const next = new Map(local);
	for (const w of writes) next.set(w.id, w);
	return next;
}

export const byId = (...records: ExchangeRecord[]) => new Map(records.map((r) => [r.id, r]));
