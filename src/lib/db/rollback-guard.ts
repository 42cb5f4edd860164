import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import { ChangedOutsideError, LockedError } from '$lib/crypto/errors';
import { canonicalJson } from '$lib/crypto/state-mac';
import { toBase64 } from '$lib/crypto/bytes';
import { tagBytes, xorInto, xorTags, ZERO_TAG, type SyncMac } from '$lib/crypto/sync-mac';
import { changedKeys, widening } from './core-middleware';
import { RECORD_TABLES, type RecordTable, type Row } from './db';
import { db } from './workspace';

/**
 * Rollback and tamper detection for records (issue 16). Every row of a record table has a tag in
 * the `guard` store: a MAC (crypto/sync-mac.ts, keyed from the data key) over the whole row — its
 * id, times, `rev`, index keys and sealed payload. Per table, the XOR of all its tags is kept,
 * tagged too, as the table's high-water mark. A Dexie middleware (DBCore) writes the tags and the
 * mark **in the same IndexedDB transaction** as the row, whoever writes it (repositories, sync,
 * imports, restores, migrations), so they cannot drift apart.
 *
 * Someone with storage access but no passphrase can put back an older sealed row: its tag no
 * longer matches. Putting back its older tag as well changes the table's XOR, whose mark they
 * cannot make. Deleting a row (a tombstone, a withdrawal's release) leaves its tag without a row.
 * `verifyRecords` finds each of these after unlock. What it cannot find is a whole workspace put
 * back as it was (no state on the device is out of reach of whoever restores the whole device).
 */
export const GUARD = 'guard';

interface GuardEntry {
	key: string;
	/** A row's tag; or, for a table's mark (`#table`), the XOR of its rows' tags. */
	x: string;
	/** The mark's own tag (marks only). */
	mac?: string;
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
const tagKey = (table: string, id: string) => `${table}:${id}`;
const markKey = (table: string) => `#${table}`;

function rowTag(key: SyncMac, table: string, row: Row): string {
	const { payload, ...rest } = row;
	const content = payload instanceof Uint8Array ? payload : canonicalJson(payload);
	return key.tag(['row', table, canonicalJson(rest), content]);
}

const markTag = (key: SyncMac, table: string, x: string) => key.tag(['mark', table, x]);

/**
 * Reads and writes guard entries in the write's own transaction, straight on IndexedDB: Dexie's
 * layers below this middleware (hooks, live-query observation) expect its zone, which an await of
 * anything but a Dexie promise inside a mutate has left.
 */
function inStore<T>(trans: DBCoreTransaction, run: (store: IDBObjectStore) => IDBRequest<T>[]) {
	const store = (trans as unknown as IDBTransaction).objectStore(GUARD);
	return Promise.all(
		run(store).map(
			(request) =>
				new Promise<T>((resolve, reject) => {
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				})
		)
	);
}

/**
 * Resolves when the last of `requests` succeeds (a transaction's requests complete in order) and
 * rejects with the first error: one promise for a batch, not one per request.
 */
function settled(requests: IDBRequest[]): Promise<void> {
	return new Promise((resolve, reject) => {
		for (const r of requests) r.onerror = () => reject(r.error);
		const last = requests.at(-1);
		if (!last) return resolve();
		last.onsuccess = () => resolve();
	});
}

const tableRange = (table: string) => IDBKeyRange.bound(`${table}:`, `${table}:\uffff`);

/**
 * The table's mark and the stored tags of `keys`. A large write (an import) does not read its
 * keys one by one: into an empty table there is nothing to read; into a small one, its tags are
 * read whole in one request; only a write of a few rows into a large table reads them by key.
 */
async function storedTags(trans: DBCoreTransaction, table: string, keys: string[]) {
	const [[mark], [count]] = await Promise.all([
		inStore(trans, (store) => [store.get(markKey(table)) as IDBRequest<GuardEntry | undefined>]),
		inStore(trans, (store) => [store.count(tableRange(table))])
	]);
	const tags = new Map<string, string>();
	if (count === 0) return { mark, tags };
	if (count! <= 4 * keys.length) {
		const wanted = new Set(keys);
		const [all] = await inStore<GuardEntry[]>(trans, (store) => [store.getAll(tableRange(table))]);
		for (const e of all!) if (wanted.has(e.key)) tags.set(e.key, e.x);
	} else {
		const found = await inStore(trans, (store) =>
			keys.map((k) => store.get(k) as IDBRequest<GuardEntry | undefined>)
		);
		keys.forEach((k, i) => found[i] && tags.set(k, found[i].x));
	}
	return { mark, tags };
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
					async mutate(req) {
						const key = mac;
						if (!key) {
							// Before encryption is set up there is nothing to tag with; after, a write
							// without the key would leave a row that fails its check: refused.
							if (guarding) throw new LockedError();
							return table.mutate(req);
						}
						const ids = req.type === 'deleteRange' ? await changedKeys(table, req) : null;
						const res = await table.mutate(req);
						const changed = ids ?? (await changedKeys(table, req));
						const keys = [...new Set((changed as string[]).map((id) => tagKey(name, id)))];
						const { mark, tags: current } = await storedTags(req.trans, name, keys);
						// XORed as bytes: a base64 round trip per row shows at 50,000 rows.
						const acc = tagBytes(mark?.x ?? ZERO_TAG);
						for (const tag of current.values()) xorInto(acc, tag);
						const puts: GuardEntry[] = [];
						if (req.type === 'add' || req.type === 'put') {
							const next = new Map<string, string>();
							for (const row of req.values as Row[])
								next.set(tagKey(name, row.id), rowTag(key, name, row));
							for (const [k, tag] of next) {
								xorInto(acc, tag);
								puts.push({ key: k, x: tag });
							}
						}
						const x = toBase64(acc);
						puts.push({ key: markKey(name), x, mac: markTag(key, name, x) });
						const deletes = req.type === 'add' || req.type === 'put' ? [] : keys;
						const store = (req.trans as unknown as IDBTransaction).objectStore(GUARD);
						await settled([
							...deletes.map((k) => store.delete(k)),
							...puts.map((e) => store.put(e))
						]);
						return res;
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
		await d.transaction('rw', [d.recordTable(table), d.table(GUARD)], async () => {
			const rows = await d.recordTable(table).toArray();
			let x = ZERO_TAG;
			const entries: GuardEntry[] = rows.map((row) => {
				const tag = rowTag(key, table, row);
				x = xorTags(x, tag);
				return { key: tagKey(table, row.id), x: tag };
			});
			entries.push({ key: markKey(table), x, mac: markTag(key, table, x) });
			await d.table(GUARD).bulkPut(entries);
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
		const { rows, entries, mark } = await d.transaction(
			'r',
			[d.recordTable(table), d.table(GUARD)],
			async () => ({
				rows: await d.recordTable(table).toArray(),
				entries: (await d
					.table(GUARD)
					.where('key')
					.between(`${table}:`, `${table}:\uffff`)
					.toArray()) as GuardEntry[],
				mark: (await d.table(GUARD).get(markKey(table))) as GuardEntry | undefined
			})
		);
		const tags = new Map(entries.map((e) => [e.key, e.x]));
		for (const row of rows)
			if (tags.get(tagKey(table, row.id)) !== rowTag(key, table, row))
				throw new ChangedOutsideError('record', `${table}/${row.id}`);
		if (rows.length !== entries.length) throw new ChangedOutsideError('record', table);
		const x = entries.reduce((acc, e) => xorTags(acc, e.x), ZERO_TAG);
		// Every table checked here was tagged (keystore `guarded`): a missing mark is a table wiped.
		if (!mark || mark.x !== x || mark.mac !== markTag(key, table, x))
			throw new ChangedOutsideError('record', table);
	}
}
