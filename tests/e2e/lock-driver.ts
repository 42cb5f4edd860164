import { expect, type Page } from '@playwright/test';
import { monotonicFactory } from 'ulidx';
import { unlockWithPassphrase } from '../../src/lib/crypto/keys';
import { unpack } from '../../src/lib/crypto/pack';
import { openBytes } from '../../src/lib/crypto/seal';
import { TEST_PASSPHRASE, vaultScreen } from './driver';

/** Verbs for encryption at rest and the lock (kept apart from driver.ts). */

const ulid = monotonicFactory();

export interface PlaintextSeed {
	notes: number;
	/** A word every note's text holds, to find them by search afterwards. */
	marker?: string;
	participant?: string;
}

/**
 * A workspace as the app stored it before encryption at rest: every record's content as a plain
 * object in `payload` (the identity codec), no key file. Written straight into the app's
 * database on a fresh device, then the app is opened again and finds plaintext data.
 * Returns the participant's id.
 */
export async function seedPlaintextWorkspace(page: Page, seed: PlaintextSeed): Promise<string> {
	await page.goto('/');
	await expect(vaultScreen(page)).toHaveAttribute('data-screen', 'setup');
	const id = await writePlaintextRecords(page, 'stedsans', seed);
	await page.reload();
	return id;
}

/**
 * Writes a participant and `seed.notes` notes in the format from before encryption into an open
 * workspace database of the page's origin (the app has created it). Returns the participant's id.
 */
export async function writePlaintextRecords(
	page: Page,
	dbName: string,
	seed: PlaintextSeed
): Promise<string> {
	const ids = Array.from({ length: seed.notes + 1 }, () => ulid());
	await page.evaluate(
		async ({ ids, marker, code, dbName }) => {
			const db = await new Promise<IDBDatabase>((res, rej) => {
				const r = indexedDB.open(dbName);
				r.onsuccess = () => res(r.result);
				r.onerror = () => rej(r.error);
			});
			const meta = (key: string) =>
				new Promise<string>((res) => {
					const r = db.transaction('meta').objectStore('meta').get(key);
					r.onsuccess = () => res((r.result as { value: string }).value);
				});
			const deviceId = await meta('deviceId');
			const authorId = await meta('profileId');
			const t0 = Date.UTC(2025, 9, 1, 8);
			const stamp = (id: string, at: number) => ({
				id,
				createdAt: at,
				updatedAt: at,
				deletedAt: null,
				authorId,
				deviceId,
				rev: { [deviceId]: 1 },
				v: 1
			});
			const [pid, ...noteIds] = ids;
			const tx = db.transaction(['participants', 'notes'], 'readwrite');
			tx.objectStore('participants').put({
				...stamp(pid!, t0),
				nb: 'vesterbro',
				payload: {
					code,
					neighbourhood: 'vesterbro',
					consent: { location: 'cell', followAlong: true, aggregate: true },
					withdrawnAt: null
				}
			});
			noteIds.forEach((id, i) => {
				const at = t0 + i * 60_000;
				const text = `${marker} note ${i} ved trappen på Halmtorvet`;
				tx.objectStore('notes').put({
					...stamp(id, at),
					observedAt: at,
					nb: 'vesterbro',
					payload: {
						observedAt: at,
						genre: 'jotting',
						neighbourhood: 'vesterbro',
						participantIds: i % 10 === 0 ? [pid] : [],
						placeLabel: '',
						placeIds: [],
						codeIds: [],
						sensitive: false,
						location: null,
						doc: {
							type: 'doc',
							content: [{ type: 'paragraph', content: [{ type: 'text', text }] }]
						},
						text,
						followAlongId: null
					}
				});
			});
			await new Promise<void>((res, rej) => {
				tx.oncomplete = () => res();
				tx.onerror = () => rej(tx.error);
			});
			db.close();
		},
		{ ids, marker: seed.marker ?? 'GAMMELNOTE', code: seed.participant ?? 'VB-900', dbName }
	);
	return ids[0]!;
}

/**
 * Since schema 11 the payload holds the metadata too (`m`: times, author, device, `rev`) beside
 * the content (`c`): the record is given with the metadata back on its row, as before.
 */
function flat(db: string, table: string, row: Record<string, unknown>, opened: unknown) {
	const p = opened as { m?: object; c?: unknown } | null;
	if (!p || typeof p !== 'object' || !('m' in p && 'c' in p)) return { db, table, row, content: p };
	return { db, table, row: { ...row, ...p.m }, content: p.c };
}

export interface StoredRecord {
	db: string;
	table: string;
	/** The row as stored, the payload as raw bytes (sealed) or as stored (plaintext). */
	row: Record<string, unknown>;
	/** The payload opened with the workspace's key (the content of the record). */
	content: unknown;
}

/**
 * Every record of the own workspace as stored, opened the way the app opens it: the key file
 * is read from the database, the data key unwrapped with `passphrase` (Argon2id, here in the
 * test's process) and each payload opened with AES-256-GCM and its table, id and version.
 * What a spec uses to check what is really stored, now that the stored bytes say nothing.
 */
export async function openedRecords(
	page: Page,
	passphrase = TEST_PASSPHRASE,
	dbName = 'stedsans'
): Promise<StoredRecord[]> {
	const dump = await page.evaluate(async (dbName) => {
		const db = await new Promise<IDBDatabase>((res, rej) => {
			const r = indexedDB.open(dbName);
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const all = (store: string) =>
			new Promise<Record<string, unknown>[]>((res, rej) => {
				const r = db.transaction(store).objectStore(store).getAll();
				r.onsuccess = () => res(r.result as Record<string, unknown>[]);
				r.onerror = () => rej(r.error);
			});
		const toBase64 = (b: Uint8Array) => {
			let s = '';
			for (let i = 0; i < b.length; i += 0x8000)
				s += String.fromCharCode(...b.subarray(i, i + 0x8000));
			return btoa(s);
		};
		const meta = Object.fromEntries((await all('meta')).map((e) => [e.key, e.value]));
		const rows: { table: string; row: Record<string, unknown>; sealed: string | null }[] = [];
		for (const table of Array.from(db.objectStoreNames)) {
			// Not records: the drop box is sealed apart; sync's tables hold record ids only; the
			// guard holds the records' tags (ids and MACs).
			if (['meta', 'dropBox', 'guard'].includes(table) || table.startsWith('sync')) continue;
			for (const row of await all(table)) {
				const p = row.payload;
				const sealed = p instanceof Uint8Array ? toBase64(p) : null;
				rows.push({ table, row: sealed === null ? row : { ...row, payload: sealed }, sealed });
			}
		}
		db.close();
		return { keyFile: meta.keyFile as unknown, rows };
	}, dbName);
	const key = dump.keyFile ? (await unlockWithPassphrase(dump.keyFile, passphrase)).dataKey : null;
	return Promise.all(
		dump.rows.map(async ({ table, row, sealed }) => {
			if (sealed === null || !key) return flat(dbName, table, row, row.payload);
			const ctx = { table, id: row.id as string, v: row.v as number };
			const content = unpack(await openBytes(key, ctx, Buffer.from(sealed, 'base64')));
			return flat(dbName, table, row, content);
		})
	);
}

/** Deposits waiting in the drop box (written while locked, not yet taken in). */
export function dropBoxCount(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((res, rej) => {
			const r = indexedDB.open('stedsans');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const n = await new Promise<number>((res, rej) => {
			const r = db.transaction('dropBox').objectStore('dropBox').count();
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		db.close();
		return n;
	});
}

/**
 * What someone with access to the device's storage and no passphrase can do: IndexedDB written
 * directly, as another program would, not through the app. `save` reads a table's first row
 * (its sealed payload as base64, to hold in the test), `restore` puts such a row back, `plant`
 * puts a copy of one under another id with a plaintext payload.
 */
export type SavedRow = Record<string, unknown> & { payload: string };
export type Tampering =
	| { op: 'save'; table: string }
	| { op: 'restore'; table: string; row: SavedRow }
	| { op: 'plant'; table: string; row: SavedRow; id: string; payload: object }
	| { op: 'delete'; table: string; id: string }
	| { op: 'meta'; key: string; value: unknown }
	| { op: 'read'; table: string; id: string };

export function tamper(page: Page, step: Tampering): Promise<unknown> {
	return page.evaluate(async (step) => {
		const db = await new Promise<IDBDatabase>((res, rej) => {
			const r = indexedDB.open('stedsans');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const table = 'table' in step ? step.table : 'meta';
		const store = db.transaction(table, 'readwrite').objectStore(table);
		const run = <T>(r: IDBRequest<T>) =>
			new Promise<T>((res, rej) => {
				r.onsuccess = () => res(r.result);
				r.onerror = () => rej(r.error);
			});
		const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
		let out: unknown = null;
		if (step.op === 'save') {
			const row = (await run(store.getAll()))[0] as { payload: Uint8Array };
			out = { ...row, payload: btoa(String.fromCharCode(...row.payload)) };
		} else if (step.op === 'restore')
			await run(store.put({ ...step.row, payload: bytes(step.row.payload) }));
		else if (step.op === 'plant')
			await run(store.put({ ...step.row, id: step.id, payload: step.payload }));
		else if (step.op === 'delete') await run(store.delete(step.id));
		else if (step.op === 'meta') await run(store.put({ key: step.key, value: step.value }));
		else {
			const row = (await run(store.get(step.id))) as { payload?: unknown } | undefined;
			out = row && { sealed: row.payload instanceof Uint8Array };
		}
		db.close();
		return out;
	}, step);
}
