import { expect, test, type Page } from './fixtures';
import { autoUnlock, typePassphrase, vaultScreen } from './driver';
import {
	addFollowParticipant,
	allowPosition,
	endDay,
	fixCount,
	HALMTORVET,
	leaveStop,
	recordingPanel,
	startFollowAlong,
	stay,
	stoppedHere,
	walk
} from './follow-driver';
import { expectSaved, noteEditor, typeNote } from './notes-driver';
import { addPlace } from './places-driver';
import {
	digitRuns,
	finerThanADay,
	timeOrderedIds,
	writtenTimes
} from '../../src/lib/testing/times';

// The lock is what this is about: the vault screens are passed by hand.
test.use({ autoUnlock: false });

/** One store of the workspace as someone without the passphrase reads it. */
interface StoreDump {
	store: string;
	/** Primary keys, in order. */
	keys: unknown[];
	/** Each row as text (typed arrays as latin-1, so plaintext in them would show). */
	rows: string[];
	/** Every number anywhere in the rows and their keys (typed arrays' elements included). */
	numbers: number[];
	/** Every key of every index of the store, as text. */
	indexKeys: string[];
}

/**
 * Reads every object store of a database and every key of every index, straight from IndexedDB
 * (no Dexie, no app code): what a copy of a locked phone shows. Stores of another database than
 * the own workspace's are named `database/store`.
 */
function readWorkspace(page: Page, name = 'stedsans'): Promise<StoreDump[]> {
	return page.evaluate(async (name) => {
		if (!(await indexedDB.databases()).some((d) => d.name === name)) return [];
		const db = await new Promise<IDBDatabase>((res, rej) => {
			const r = indexedDB.open(name);
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const asked = <T>(r: IDBRequest<T>) =>
			new Promise<T>((res, rej) => {
				r.onsuccess = () => res(r.result);
				r.onerror = () => rej(r.error);
			});
		const numbers: number[] = [];
		const text = (v: unknown): unknown => {
			if (typeof v === 'number') numbers.push(v);
			if (ArrayBuffer.isView(v)) {
				const items = Array.from(v as unknown as ArrayLike<number>);
				numbers.push(...items);
				return String.fromCharCode(...new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
			}
			if (Array.isArray(v)) return v.map(text);
			if (v && typeof v === 'object')
				return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, text(x)]));
			return v;
		};
		const out: StoreDump[] = [];
		for (const store of Array.from(db.objectStoreNames)) {
			numbers.length = 0;
			const tx = db.transaction(store);
			const os = tx.objectStore(store);
			const keys = await asked(os.getAllKeys());
			const rows = (await asked(os.getAll())).map((row) => JSON.stringify(text(row)));
			const indexKeys: string[] = [];
			for (const name of Array.from(os.indexNames)) {
				const cursor = os.index(name).openKeyCursor();
				await new Promise<void>((res, rej) => {
					cursor.onsuccess = () => {
						const c = cursor.result;
						if (!c) return res();
						indexKeys.push(JSON.stringify(text(c.key)));
						c.continue();
					};
					cursor.onerror = () => rej(cursor.error);
				});
			}
			text(keys);
			const named = name === 'stedsans' ? store : `${name}/${store}`;
			out.push({ store: named, keys, rows, numbers: [...numbers], indexKeys });
		}
		db.close();
		return out;
	}, name);
}

/** localStorage as a store: what the browser shows of the origin without opening any database. */
function readLocalStorage(page: Page): Promise<StoreDump> {
	return page.evaluate(() => {
		const keys = Object.keys(localStorage);
		const rows = keys.map((k) => JSON.stringify({ key: k, value: localStorage.getItem(k) }));
		return { store: 'localStorage', keys, rows, numbers: [], indexKeys: [] };
	});
}

test('a locked workspace links no participant to a day, a note or a stop, and shows no time finer than a day', async ({
	context,
	page
}) => {
	test.setTimeout(180_000);
	await allowPosition(context);
	await autoUnlock(page, true);
	await page.goto('/');

	// Through the screens: a place, a participant, their day with a stop, a note on the day.
	await addPlace(page, { name: 'Bænken ved Kvægtorvet', neighbourhood: 'Vesterbro' });
	await addFollowParticipant(page, 'VB-404');
	const dayId = await startFollowAlong(page, 'VB-404');
	const at = await walk(context, page, HALMTORVET, 6);
	await expect.poll(() => fixCount(page)).toBeGreaterThanOrEqual(4);
	await stoppedHere(page);
	await stay(context, page, at.at, 3);
	await leaveStop(page);
	await recordingPanel(page).getByRole('link', { name: 'New note' }).click();
	await expect(noteEditor(page)).toBeFocused();
	await typeNote(page, 'Vi sad på bænken og talte om dagen');
	await expectSaved(page);
	await page.goto(`/follow/day?id=${dayId}`);
	await expect(recordingPanel(page)).toBeVisible();
	await endDay(page);
	await autoUnlock(page, false);
	const screen = vaultScreen(page);
	await page.getByRole('navigation').getByRole('button', { name: 'Lock Stedsans' }).click();
	await expect(screen).toHaveAttribute('data-screen', 'locked');
	// A wrong passphrase is what someone holding the phone tries: its count is kept, not its time.
	await typePassphrase(page, 'not the passphrase');
	await expect(page.locator('#unlock-passphrase-problem')).toBeVisible();

	const stores = [
		...(await readWorkspace(page)),
		// The offline map's database (the device's, not the workspace's) and localStorage.
		...(await readWorkspace(page, 'stedsans-basemap')),
		await readLocalStorage(page)
	];
	const byName = new Map(stores.map((s) => [s.store, s]));
	const idsOf = (store: string) => (byName.get(store)?.keys ?? []) as string[];
	// The data is there (the scan is not of an empty workspace).
	for (const store of ['participants', 'followAlongs', 'stops', 'fixChunks', 'notes', 'places'])
		expect(idsOf(store).length, `${store} rows`).toBeGreaterThan(0);
	expect(idsOf('followAlongs')).toContain(dayId);

	/**
	 * Where an id shows, but for its own row and its own entries under `table:id` (its tag in the
	 * guard store, its sync outbox entry): those say the record exists, as its key does.
	 */
	const whereSeen = (id: string, ownStore: string, inStores?: readonly string[]) =>
		stores
			.filter((s) => s.store !== ownStore && (!inStores || inStores.includes(s.store)))
			.flatMap((s) => {
				const own = (v: string) => v.includes(`"${ownStore}:${id}"`);
				const found = [...s.rows, ...s.indexKeys].filter((v) => v.includes(id) && !own(v));
				return found.map((v) => `${ownStore} ${id} in ${s.store}: ${v.slice(0, 160)}`);
			});

	const problems = [
		...idsOf('participants').flatMap((id) => whereSeen(id, 'participants')),
		...idsOf('followAlongs').flatMap((id) =>
			whereSeen(id, 'followAlongs', ['notes', 'stops', 'fixChunks'])
		),
		...idsOf('places').flatMap((id) => whereSeen(id, 'places'))
	];
	// No time finer than a day, in milliseconds or seconds, as a number, as digits in a text or as
	// a written date and time (a value in the years a record can carry that is not a whole day), nor
	// an id that carries the time it was made.
	for (const s of stores) {
		for (const n of [...s.numbers, ...s.rows.flatMap(digitRuns), ...s.indexKeys.flatMap(digitRuns)])
			if (finerThanADay(n)) problems.push(`time ${n} in ${s.store}`);
		for (const v of [...s.rows, ...s.indexKeys, JSON.stringify(s.keys)]) {
			for (const t of writtenTimes(v)) problems.push(`time ${t} in ${s.store}`);
			for (const id of timeOrderedIds(v)) problems.push(`time-ordered id ${id} in ${s.store}`);
		}
	}
	expect([...new Set(problems)]).toEqual([]);
});
