import type { RecordTable, Row } from './db';
import { guardQuota } from './errors';
import type { AnyRepository } from './registry';
import { db } from './workspace';

export interface Change {
	repo: AnyRepository;
	entities: object[];
}

/**
 * Writes several aggregates' records all-or-nothing. Payloads are sealed first, because a
 * transaction commits as soon as it waits on anything but IndexedDB (WebCrypto included).
 */
export async function commit(changes: Change[]): Promise<void> {
	const rows = new Map<RecordTable, Row[]>();
	for (const { repo, entities } of changes) {
		const sealed = await Promise.all(entities.map((e) => repo.toRow(e as never)));
		rows.set(repo.table, [...(rows.get(repo.table) ?? []), ...sealed]);
	}
	if (rows.size === 0) return;
	const database = db();
	const tables = [...rows.keys()].map((t) => database.recordTable(t));
	let idb: IDBTransaction | undefined;
	await guardQuota(
		() =>
			database.transaction('rw', tables, async (tx) => {
				idb = tx.idbtrans;
				for (const [table, r] of rows) await database.recordTable(table).bulkPut(r);
			}),
		() => idb?.error
	);
}

export function change<R extends AnyRepository>(repo: R, entities: object[]): Change {
	return { repo, entities };
}
