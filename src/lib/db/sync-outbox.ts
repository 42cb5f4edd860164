import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import { randomBytes } from '$lib/crypto/bytes';
import { recordKey } from '$lib/domain/sync/change';
import { changedKeys, widening } from './core-middleware';
import { RECORD_TABLES, type RecordTable } from './db';
import { db } from './workspace';

/**
 * The outbox: which records changed here since they were last pushed to the team's relay. A Dexie
 * middleware (DBCore) adds one entry per written or deleted record **inside the same IndexedDB
 * transaction** as the write itself, whichever repository, service or migration made it, so no
 * change can be stored without being marked (a crash between the two is impossible), and a new
 * record table syncs without code here.
 *
 * An entry holds only what the row already shows in the clear (table and id) and a random stamp
 * that changes with every write: the push removes an entry only if its stamp is still the one it
 * read, so a change made while a push was on its way is pushed again, never lost.
 *
 * Only a workspace in a team marks its changes: creating or joining a team marks everything the
 * device holds (`markEverything`, features/sync/team.service.ts), so what was written before is
 * pushed all the same, and a workspace on its own (most of them, and an import of 60,000
 * records) does not write an entry it would never push. Purges are remembered in any case.
 */
export const OUTBOX = 'syncOutbox';
/** Records deleted for good (purged), here or elsewhere: an older copy must not bring one back. */
export const PURGED = 'syncPurged';

/** The membership's stored settings (db/sync-store.ts): present while the workspace is in a team. */
export const TEAM_CONFIG = 'sync.config';

let inTeam = false;

/**
 * Whether the open workspace is in a team: set when it opens (db/workspace.ts) and when the
 * membership is stored or forgotten (db/sync-store.ts).
 */
export function holdTeamMembership(member: boolean): void {
	inTeam = member;
}

/** Tables that stay on the device: each device keeps its own settings (basemap, the package key…). */
export const LOCAL_ONLY: ReadonlySet<RecordTable> = new Set(['settings']);

/** Every record table but the device's own: what team sync carries. */
export const SYNC_TABLES: readonly RecordTable[] = RECORD_TABLES.filter((t) => !LOCAL_ONLY.has(t));

export function isSyncTable(table: string): table is RecordTable {
	return (SYNC_TABLES as readonly string[]).includes(table);
}

export interface OutboxEntry {
	key: string;
	table: string;
	id: string;
	stamp: string;
}

const STAMP_BYTES = 9;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** `count` random stamps, from one call for the random bytes of all (an import writes 50,000). */
function stamps(count: number): string[] {
	const bytes = randomBytes(count * STAMP_BYTES);
	const out: string[] = [];
	for (let i = 0; i < bytes.length; i += STAMP_BYTES) {
		let s = '';
		for (let j = i; j < i + STAMP_BYTES; j++) s += HEX[bytes[j]!];
		out.push(s);
	}
	return out;
}

function mark(down: DBCore, trans: DBCoreTransaction, table: string, keys: readonly unknown[]) {
	const ids = keys.filter((k): k is string => typeof k === 'string');
	const random = stamps(ids.length);
	const values = ids.map((id, i) => ({ key: recordKey(table, id), table, id, stamp: random[i]! }));
	if (values.length === 0) return Promise.resolve();
	return down.table(OUTBOX).mutate({ type: 'put', trans, values });
}

function remember(down: DBCore, trans: DBCoreTransaction, table: string, keys: readonly unknown[]) {
	const values = keys
		.filter((k): k is string => typeof k === 'string')
		.map((id) => ({ key: recordKey(table, id) }));
	if (values.length === 0) return Promise.resolve();
	return down.table(PURGED).mutate({ type: 'put', trans, values });
}

/** Installed on the own workspace's database (not the demo's, which never syncs). */
export const outboxMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'stedsans-sync-outbox',
	create(down) {
		return {
			...down,
			transaction: widening(down, isSyncTable, [OUTBOX, PURGED]),
			table(name) {
				const table = down.table(name);
				if (!isSyncTable(name)) return table;
				return {
					...table,
					async mutate(req) {
						// Keys of a range are read before the rows go.
						const keys = req.type === 'deleteRange' ? await changedKeys(table, req) : null;
						const res = await table.mutate(req);
						const changed = keys ?? (await changedKeys(table, req));
						if (inTeam) await mark(down, req.trans, name, changed);
						if (req.type === 'delete' || req.type === 'deleteRange')
							await remember(down, req.trans, name, changed);
						return res;
					}
				};
			}
		};
	}
};

/** Every pending change, oldest write first is not promised: the order does not matter. */
export async function outboxEntries(): Promise<OutboxEntry[]> {
	return (await db().table(OUTBOX).toArray()) as OutboxEntry[];
}

export async function outboxCount(): Promise<number> {
	return db().table(OUTBOX).count();
}

/** Removes the entries that were pushed, unless the record changed again meanwhile. */
export async function clearPushed(pushed: readonly OutboxEntry[]): Promise<void> {
	const d = db();
	await d.transaction('rw', d.table(OUTBOX), async () => {
		const now = (await d.table(OUTBOX).bulkGet(pushed.map((e) => e.key))) as (
			OutboxEntry | undefined
		)[];
		const done = pushed.filter((e, i) => now[i]?.stamp === e.stamp).map((e) => e.key);
		await d.table(OUTBOX).bulkDelete(done);
	});
}

/**
 * Marks every record of the synced tables as changed: when this device creates or joins a team,
 * what it already holds goes to the others. One transaction; ids only.
 */
export async function markEverything(): Promise<number> {
	const d = db();
	const entries: OutboxEntry[] = [];
	for (const table of SYNC_TABLES) {
		const ids = (await d.table(table).toCollection().primaryKeys()) as string[];
		const random = stamps(ids.length);
		ids.forEach((id, i) =>
			entries.push({ key: recordKey(table, id), table, id, stamp: random[i]! })
		);
	}
	await d.table(OUTBOX).bulkPut(entries);
	return entries.length;
}
