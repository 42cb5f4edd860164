import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';

/**
 * What the DBCore middlewares that write beside a record (sync-outbox.ts, rollback-guard.ts)
 * share: the keys a write touches, and widening a write's transaction to their own stores.
 */

/** The primary keys a mutation touches (a range's are read before the rows go). */
export async function changedKeys(
	table: DBCoreTable,
	req: DBCoreMutateRequest
): Promise<readonly unknown[]> {
	switch (req.type) {
		case 'add':
		case 'put':
			return req.keys ?? req.values.map((v: { id?: unknown }) => v.id);
		case 'delete':
			return req.keys;
		case 'deleteRange': {
			const res = await table.query({
				trans: req.trans,
				values: false,
				query: { index: table.schema.primaryKey, range: req.range }
			});
			return res.result;
		}
	}
}

/** A middleware's `transaction`: read-write transactions over `watched` tables also get `extra`. */
export function widening(
	down: DBCore,
	watched: (table: string) => boolean,
	extra: readonly string[]
): DBCore['transaction'] {
	return (stores, mode, options) => {
		const widened =
			mode === 'readwrite' && stores.some(watched) ? [...new Set([...stores, ...extra])] : stores;
		return down.transaction(widened, mode, options);
	};
}
