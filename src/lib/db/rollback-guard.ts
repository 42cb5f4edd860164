import Dexie, { type DBCore, type DBCoreTransaction, type Middleware } from 'dexie';
import { ChangedOutsideError, LockedError } from '$lib/crypto/errors';
import { canonicalJson } from '$lib/crypto/state-mac';
import { toBase64 } from '$lib/crypto/bytes';
import { tagBytes, xorInto, ZERO_TAG, type SyncMac } from '$lib/crypto/sync-mac';
import { changedKeys, widening } from './core-middleware';
import { RECORD_TABLES, ROW_TAG, type RecordTable, type Row } from './db';
import { db } from './workspace';

/**
 * Rollback and tamper detection for records (issue 16). Every row of a record table carries its
 * tag in its own field (`g`, db.ts ROW_TAG): a MAC (crypto/sync-mac.ts, keyed from the data key)
 * over the rest of the row — its id, `v`, index keys and sealed payload. Per table, the XOR of all
 * its rows' tags is kept in the `guard` store, tagged too, as the table's high-water mark. A Dexie
 * middleware (DBCore) writes the tags and the mark **in the same IndexedDB transaction** as the
 * rows, whoever writes them (repositories, sync, imports, restores, migrations), so they cannot
 * drift apart. The tag sits in the row (since version 12) because a put is what a large write
 * pays for (an import of 60,000 rows made 120,000 puts with the tags apart).
 *
 * Someone with storage access but no passphrase can put back an older sealed row. Without its
 * tag, or with another row's, its tag does not match it; with the older tag it had, it changes
 * the table's XOR, whose mark they cannot make. Deleting a row (a tombstone, a withdrawal's
 * release) or planting one changes the XOR too. `verifyRecords` finds each of these after unlock.
 * What it cannot find is a whole workspace put back as it was (no state on the device is out of
 * reach of whoever restores the whole device).
 */
export const GUARD = 'guard';

interface GuardEntry {
	/** A table's mark: `#table`. */
	key: string;
	/** The XOR of the table's rows' tags. */
	x: string;
	/** The mark's own tag. */
	mac: string;
}

let mac: SyncMac | null = null;
/** Whether the open workspace has keys at all: then a write without the key held is refused. */
let guarding = false;

/** Unlocked: the tag key; locked: null. `vaultExists`: encryption is set up in this workspace. */
export function holdGuardKey(key: SyncMac | null, vaultExists: boolean): void {
	mac?.forget();
	mac = key;
	guarding = vaultExists;
}

const isRecordTable = (name: string): name is RecordTable =>
	(RECORD_TABLES as readonly string[]).includes(name);
const markKey = (table: string) => `#${table}`;

function rowTag(key: SyncMac, table: string, row: Row): string {
	// The tag is not over itself.
	const { payload, [ROW_TAG]: _own, ...rest } = row;
	const content = payload instanceof Uint8Array ? payload : canonicalJson(payload);
	return key.tag(['row', table, canonicalJson(rest), content]);
}

const markTag = (key: SyncMac, table: string, x: string) => key.tag(['mark', table, x]);

/**
 * Runs requests on one store of the write's own transaction, straight on IndexedDB, in a Dexie
 * promise: Dexie's layers below this middleware (hooks, live-query observation) expect its zone,
 * which an await of anything but a Dexie promise inside a mutate has left. One promise for the batch: it resolves
 * with every result when the last succeeds (a transaction's requests complete in order) and
 * rejects with the first error.
 */
function inStore<T>(
	trans: DBCoreTransaction,
	name: string,
	run: (store: IDBObjectStore) => IDBRequest<T>[]
): Promise<T[]> {
	const requests = run((trans as unknown as IDBTransaction).objectStore(name));
	return new Dexie.Promise<T[]>((resolve, reject) => {
		for (const r of requests) r.onerror = () => reject(r.error);
		const last = requests.at(-1);
		if (!last) return resolve([]);
		last.onsuccess = () => resolve(requests.map((r) => r.result));
	});
}

/**
 * The stored tags of the rows `keys` name, by id, read before they are overwritten or deleted.
 * Into an empty table there is nothing to read; a table no larger than the write is read whole in
 * one request; otherwise the rows are read by key.
 */
function storedTags(
	trans: DBCoreTransaction,
	table: string,
	keys: readonly string[]
): PromiseLike<Map<string, string>> {
	const tags = new Map<string, string>();
	const wanted = new Set(keys);
	const collect = (rows: (Row | undefined)[]) => {
		for (const row of rows) {
			const tag = row?.[ROW_TAG];
			if (row && wanted.has(row.id) && typeof tag === 'string') tags.set(row.id, tag);
		}
		return tags;
	};
	if (keys.length === 0) return Dexie.Promise.resolve(tags);
	return inStore(trans, table, (store) => [store.count()]).then(([count]) => {
		if (count === 0) return tags;
		if (count! <= wanted.size)
			return inStore(trans, table, (store) => [store.getAll()]).then(([all]) =>
				collect(all as Row[])
			);
		return inStore(trans, table, (store) => [...wanted].map((k) => store.get(k))).then((rows) =>
			collect(rows as (Row | undefined)[])
		);
	});
}

/**
 * The table's new mark: the old one, less the tags of the rows replaced or deleted, plus those of
 * the rows written (a row written twice in one request is stored as its last value). A value that
 * failed (a bulkAdd over an existing id, caught by its caller) changed nothing.
 */
function nextMark(
	mark: string,
	old: Map<string, string>,
	keys: readonly string[],
	written: readonly Row[],
	failed: Set<number>
): string {
	const done = new Set(keys.filter((_, i) => !failed.has(i)));
	const stored = new Map<string, string>();
	written.forEach((row, i) => failed.has(i) || stored.set(row.id, row[ROW_TAG] as string));
	// XORed as bytes: a base64 round trip per row shows at 50,000 rows.
	const acc = tagBytes(mark);
	for (const [id, tag] of old) if (done.has(id)) xorInto(acc, tag);
	for (const tag of stored.values()) xorInto(acc, tag);
	return toBase64(acc);
}

/** Installed on the own workspace's database, beside the sync outbox. */
export const guardMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'stedsans-rollback-guard',
	create(down) {
		return {
			...down,
			transaction: widening(down, isRecordTable, [GUARD]),
			table(name) {
				const table = down.table(name);
				if (!isRecordTable(name)) return table;
				return {
					...table,
					mutate(req) {
						const key = mac;
						if (!key) {
							// Before encryption is set up there is nothing to tag with; after, a write
							// without the key would leave a row that fails its check: refused.
							if (guarding) return Dexie.Promise.reject(new LockedError());
							return table.mutate(req);
						}
						const { trans } = req;
						const writing = req.type === 'add' || req.type === 'put';
						// Chained on Dexie promises up to the write: Dexie's layers below (hooks,
						// live-query observation) need its zone, which a native await leaves.
						return Dexie.Promise.resolve(changedKeys(table, req)).then((changed) => {
							const keys = (changed as unknown[]).filter((k): k is string => typeof k === 'string');
							return Dexie.Promise.all([
								inStore<GuardEntry | undefined>(trans, GUARD, (store) => [
									store.get(markKey(name))
								]),
								// An insert (`add`) replaces nothing: no old tag to read.
								req.type === 'add' ? new Map<string, string>() : storedTags(trans, name, keys)
							]).then(([[mark], old]) => {
								const tagged = writing
									? (req.values as Row[]).map((row) => ({
											...row,
											[ROW_TAG]: rowTag(key, name, row)
										}))
									: [];
								return table.mutate(writing ? { ...req, values: tagged } : req).then((res) => {
									const failed = new Set(Object.keys(res.failures).map(Number));
									const x = nextMark(mark?.x ?? ZERO_TAG, old, keys, tagged, failed);
									return inStore(trans, GUARD, (store) => [
										store.put({ key: markKey(name), x, mac: markTag(key, name, x) })
									]).then(() => res);
								});
							});
						});
					}
				};
			}
		};
	}
};

/**
 * Tags every row as it is now and sets each table's mark: when encryption is set up, and once for
 * each table not yet guarded (a workspace from before the guard, a table added by a later
 * version) at its first unlock; the tables done are listed in the vault's tagged state
 * (keystore `guarded`), so a mark missing later is seen as a table wiped. Needs the key held.
 */
export async function tagAll(tables: readonly RecordTable[] = RECORD_TABLES): Promise<void> {
	const key = mac;
	if (!key) throw new LockedError();
	const d = db();
	for (const table of tables) {
		await d.transaction('rw', [d.recordTable(table), d.table(GUARD)], async (tx) => {
			const rows = await d.recordTable(table).toArray();
			const acc = tagBytes(ZERO_TAG);
			const tagged = rows.map((row) => {
				const tag = rowTag(key, table, row);
				xorInto(acc, tag);
				return { ...row, [ROW_TAG]: tag };
			});
			const x = toBase64(acc);
			// Straight on IndexedDB, past the middlewares: the mark is set here, not amended, and the
			// same records tagged are no change for the team (no outbox entry). A failed put aborts
			// the transaction, and with it this one.
			const store = (name: string) => tx.idbtrans.objectStore(name);
			for (const row of tagged) store(table).put(row);
			store(GUARD).put({ key: markKey(table), x, mac: markTag(key, table, x) });
		});
	}
}

/**
 * Checks the given tables' rows against their tags and marks. Throws ChangedOutsideError naming
 * the first table (and row, where one is known) that was changed outside the app.
 */
export async function verifyRecords(tables: readonly RecordTable[] = RECORD_TABLES): Promise<void> {
	const key = mac;
	if (!key) throw new LockedError();
	const d = db();
	for (const table of tables) {
		const { rows, mark } = await d.transaction(
			'r',
			[d.recordTable(table), d.table(GUARD)],
			async () => ({
				rows: await d.recordTable(table).toArray(),
				mark: (await d.table(GUARD).get(markKey(table))) as GuardEntry | undefined
			})
		);
		const acc = tagBytes(ZERO_TAG);
		for (const row of rows) {
			const tag = row[ROW_TAG];
			// A row planted without a tag, or with another row's, or changed since it was tagged.
			if (typeof tag !== 'string' || tag !== rowTag(key, table, row))
				throw new ChangedOutsideError('record', `${table}/${row.id}`);
			xorInto(acc, tag);
		}
		// A row deleted, or put back with its older tag, changes the XOR. Every table checked here
		// was tagged (keystore `guarded`): a missing mark is a table wiped.
		const x = toBase64(acc);
		if (!mark || mark.x !== x || mark.mac !== markTag(key, table, x))
			throw new ChangedOutsideError('record', table);
	}
}
