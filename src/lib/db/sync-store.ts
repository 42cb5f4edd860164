import type { MetaEntry, Row } from './db';
import * as codec from './codec';
import { guardQuota } from './errors';
import { indexKey, indexKeys } from './index-key';
import { holdTeamMembership, OUTBOX, PURGED, TEAM_CONFIG, type OutboxEntry } from './sync-outbox';
import { db } from './workspace';

/**
 * What team sync keeps besides the records: its settings (sealed like a record: the device's
 * private keys and the team keys are in there), the cursor in the team's log and the time of the
 * last sync (sealed too: a locked workspace shows neither when it last synced nor how long the
 * team's log is), the incoming versions that conflict with this device's (sealed, under a keyed
 * id: their version vector says how often a record was changed), and the ids of purged records.
 * And the one transaction that applies what was pulled.
 */
const CONFIG = TEAM_CONFIG;
const CURSOR = 'sync.cursor';
const LAST = 'sync.lastSync';
const CONFLICTS = 'syncConflicts';

const sealedIn = (id: string) => ({ table: 'meta', id, v: 1 });
const configContext = sealedIn(CONFIG);

export async function readSyncConfig<T>(): Promise<T | null> {
	const stored = (await db().meta.get(CONFIG))?.value;
	return stored === undefined ? null : ((await codec.open(configContext, stored)) as T);
}

export async function writeSyncConfig(config: object | null): Promise<void> {
	if (config === null) {
		await db().transaction('rw', db().meta, async () => {
			await db().meta.bulkDelete([CONFIG, CURSOR, LAST]);
		});
		holdTeamMembership(false);
		return;
	}
	const value = await codec.seal(configContext, config);
	await guardQuota(() => db().meta.put({ key: CONFIG, value }));
	// From now on every change is marked for the push (joining marks what was there before).
	holdTeamMembership(true);
}

/** A number kept sealed in `meta` (a workspace from before kept it plain: read as it is). */
async function readSealedNumber(key: string): Promise<number | undefined> {
	const stored = (await db().meta.get(key))?.value;
	if (stored === undefined || typeof stored === 'number') return stored;
	return ((await codec.open(sealedIn(key), stored)) as { n: number }).n;
}

const sealNumber = (key: string, n: number) => codec.seal(sealedIn(key), { n });

export async function readCursor(): Promise<number> {
	return (await readSealedNumber(CURSOR)) ?? 0;
}

export async function readLastSync(): Promise<number | null> {
	return (await readSealedNumber(LAST)) ?? null;
}

export async function writeLastSync(at: number): Promise<void> {
	const value = await sealNumber(LAST, at);
	await guardQuota(() => db().meta.put({ key: LAST, value }));
}

/**
 * Seals the cursor and the last sync time that a workspace from before kept in the clear (at
 * unlock: vault.service.ts). Their values are kept: a planted one could only make this device
 * pull again or show another time.
 */
export async function sealPlainSyncState(): Promise<void> {
	const d = db();
	const plain = (await d.meta.bulkGet([CURSOR, LAST])).filter(
		(e): e is MetaEntry => typeof e?.value === 'number'
	);
	if (plain.length === 0) return;
	const sealed = await Promise.all(
		plain.map(async (e) => ({ key: e.key, value: await sealNumber(e.key, e.value as number) }))
	);
	await guardQuota(() => d.meta.bulkPut(sealed));
}

/** The outbox entries of these records as they are now (undefined: none pending). */
export async function outboxStamps(keys: readonly string[]): Promise<Map<string, string>> {
	const found = (await db()
		.table(OUTBOX)
		.bulkGet([...keys])) as (OutboxEntry | undefined)[];
	return new Map(found.filter((e) => e !== undefined).map((e) => [e.key, e.stamp]));
}

export async function purgedKeys(keys: readonly string[]): Promise<Set<string>> {
	const found = (await db()
		.table(PURGED)
		.bulkGet([...keys])) as ({ key: string } | undefined)[];
	return new Set(found.filter((e) => e !== undefined).map((e) => e.key));
}

// ---- conflicts ----

export interface StoredConflict {
	/** `table:id:rev` of the incoming version: the same version pulled twice is kept once. */
	key: string;
	/** `table:id` */
	record: string;
	table: string;
	id: string;
	v: number;
	/** The incoming record as JSON carries it. */
	incoming: Record<string, unknown>;
}

/** As stored: both keys keyed (db/index-key.ts), the rest sealed. */
interface ConflictRow {
	key: string;
	record: string;
	payload: unknown;
}

// The stored key is the id bound into the seal (a row from before keyed ids: the plain key).
const conflictContext = (storedKey: string) => ({ table: CONFLICTS, id: storedKey, v: 1 });

export async function sealConflict(c: StoredConflict): Promise<ConflictRow> {
	const key = indexKey(c.key);
	return { key, record: indexKey(c.record), payload: await codec.seal(conflictContext(key), c) };
}

/** The stored keys of these conflicts or records: keyed, and as rows from before kept them. */
const storedKeys = (keys: readonly string[]) => [...new Set([...keys, ...indexKeys(keys)])];

export async function readConflicts(): Promise<StoredConflict[]> {
	const rows = (await db().table(CONFLICTS).toArray()) as ConflictRow[];
	return Promise.all(
		rows.map(async (r) => (await codec.open(conflictContext(r.key), r.payload)) as StoredConflict)
	);
}

export async function conflictCount(): Promise<number> {
	return db().table(CONFLICTS).count();
}

export async function dropConflicts(keys: readonly string[]): Promise<void> {
	await db().table(CONFLICTS).bulkDelete(storedKeys(keys));
}

// ---- applying a pulled page ----

export interface RemoteApply {
	/** Rows sealed by their repositories (so validated), by table. */
	rows: Map<string, Row[]>;
	purges: { table: string; id: string }[];
	/** The outbox as it was when the plan read the local records, for every record touched. */
	snapshot: Map<string, string>;
	/** Records whose pending local change the incoming version already holds: no longer to push. */
	subsumed: Set<string>;
	conflicts: ConflictRow[];
	cursor: number;
}

/** A local write landed on a record between planning and writing: plan again. */
export class StalePlanError extends Error {
	override readonly name = 'StalePlanError';
}

/**
 * Writes a pulled page all or nothing, with the cursor: a crash leaves either the page applied
 * and the cursor past it, or neither. The writes pass through the outbox middleware like any
 * other; the entries it makes for them are then set back to what they were (an incoming version
 * is not this device's change to push), unless it held this device's pending change already.
 */
export async function applyRemote(a: RemoteApply): Promise<void> {
	const d = db();
	const tables = new Set([...a.rows.keys(), ...a.purges.map((p) => p.table)]);
	const scope = [...tables, OUTBOX, CONFLICTS, PURGED, 'meta'].map((t) => d.table(t));
	const touched = [
		...[...a.rows].flatMap(([t, rows]) => rows.map((r) => `${t}:${r.id}`)),
		...a.purges.map((p) => `${p.table}:${p.id}`)
	];
	// Sealed before the transaction: WebCrypto in it would end it.
	const cursor = await sealNumber(CURSOR, a.cursor);
	await guardQuota(() =>
		d.transaction('rw', scope, async () => {
			const outbox = d.table(OUTBOX);
			const now = (await outbox.bulkGet(touched)) as (OutboxEntry | undefined)[];
			touched.forEach((key, i) => {
				if (now[i]?.stamp !== a.snapshot.get(key)) throw new StalePlanError(key);
			});
			for (const [table, rows] of a.rows) await d.table(table).bulkPut(rows);
			for (const p of a.purges) await d.table(p.table).delete(p.id);
			const restore: OutboxEntry[] = [];
			const remove: string[] = [];
			for (const [i, key] of touched.entries()) {
				const before = now[i];
				if (before && !a.subsumed.has(key)) restore.push(before);
				else remove.push(key);
			}
			await outbox.bulkDelete(remove);
			await outbox.bulkPut(restore);
			await d.table(CONFLICTS).bulkPut(a.conflicts);
			const purged = a.purges.map((p) => `${p.table}:${p.id}`);
			if (purged.length) {
				await d.table(PURGED).bulkPut(purged.map((key) => ({ key })));
				await d.table(CONFLICTS).where('record').anyOf(storedKeys(purged)).delete();
			}
			await d.meta.put({ key: CURSOR, value: cursor });
		})
	);
}
