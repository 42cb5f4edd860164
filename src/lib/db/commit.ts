import type { RecordTable, Row } from './db';
import { guardQuota } from './errors';
import type { AnyRepository } from './registry';
import { db } from './workspace';

/** Tables besides the record tables that a write may touch in the same transaction. */
export type WriteTable = RecordTable | 'dropBox';

export interface Change {
	repo: AnyRepository;
	entities: object[];
}

/** More IndexedDB work for the same transaction (no sealing: that is done before it opens). */
export interface AlsoWrite {
	tables: WriteTable[];
	write: () => Promise<unknown>;
}

/**
 * Writes several aggregates' records all-or-nothing. Payloads are sealed first, because a
 * transaction commits as soon as it waits on anything but IndexedDB (WebCrypto included).
 */
export async function commit(changes: Change[], also?: AlsoWrite): Promise<void> {
	const rows = new Map<RecordTable, Row[]>();
	for (const { repo, entities } of changes) {
		const sealed = await Promise.all(entities.map((e) => repo.toRow(e as never)));
		rows.set(repo.table, [...(rows.get(repo.table) ?? []), ...sealed]);
	}
	if (rows.size === 0 && !also) return;
	const tables = new Set<WriteTable>([...rows.keys(), ...(also?.tables ?? [])]);
	await writeTransaction([...tables], async () => {
		for (const [table, r] of rows) await db().recordTable(table).bulkPut(r);
		await also?.write();
	});
}

/**
 * One read-write transaction over the given tables, all or nothing. When the disk fills up,
 * IndexedDB aborts the transaction and the pending writes fail as plain AbortErrors; the
 * transaction's own error says why, so that is what is rethrown (and becomes StorageFullError).
 */
export async function writeTransaction<T>(
	tables: WriteTable[],
	body: () => Promise<T>
): Promise<T> {
	const database = db();
	return guardQuota(() =>
		database.transaction(
			'rw',
			tables.map((t) => database.table(t)),
			async (tx) => {
				try {
					return await body();
				} catch (e) {
					throw tx.idbtrans?.error ?? e;
				}
			}
		)
	);
}

export function change<R extends AnyRepository>(repo: R, entities: object[]): Change {
	return { repo, entities };
}
