import type { Page } from '@playwright/test';

/**
 * The demo workspace's records read straight from its IndexedDB database (synthetic data, stored
 * unencrypted), independently of the app: what the tests check the app's answers against.
 */

export interface DemoRow {
	id: string;
	deletedAt: number | null;
	/** The content (since schema 11 the payload holds the metadata in `m` beside it in `c`). */
	payload: Record<string, unknown>;
}

/** One stored chunk of a follow-along's fixes, as plain numbers. */
export interface DemoFixes {
	followAlongId: string;
	deletedAt: number | null;
	t: number[];
	lat: number[];
	lon: number[];
	src: number[];
}

export interface DemoRecords {
	people: DemoRow[];
	days: DemoRow[];
	fixes: DemoFixes[];
}

export function readDemoRecords(page: Page): Promise<DemoRecords> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open('stedsans-demo');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		type Row = { id: string; deletedAt: number | null; payload: Record<string, unknown> };
		const all = (store: string) =>
			new Promise<Row[]>((resolve, reject) => {
				const r = db.transaction(store).objectStore(store).getAll();
				r.onsuccess = () =>
					resolve(
						(r.result as Row[]).map((row) => {
							const p = row.payload as { m?: object; c?: Record<string, unknown> };
							const { id } = row;
							return p.m && p.c ? { ...row, ...p.m, id, payload: p.c } : row;
						})
					);
				r.onerror = () => reject(r.error);
			});
		const [people, days, chunks] = await Promise.all([
			all('participants'),
			all('followAlongs'),
			all('fixChunks')
		]);
		db.close();
		// Typed arrays do not cross to the test as they are: sent as plain arrays.
		const fixes = chunks.map(({ deletedAt, payload }) => {
			const c = payload as Record<'t' | 'lat' | 'lon', Float64Array> & {
				followAlongId: string;
				count: number;
				src: Uint8Array;
			};
			const first = <T extends ArrayLike<number>>(a: T) => Array.from(a).slice(0, c.count);
			return {
				followAlongId: c.followAlongId,
				deletedAt,
				t: first(c.t),
				lat: first(c.lat),
				lon: first(c.lon),
				src: first(c.src)
			};
		});
		const rows = (rs: Row[]) =>
			rs.map(({ id, deletedAt, payload }) => ({ id, deletedAt: deletedAt ?? null, payload }));
		return { people: rows(people), days: rows(days), fixes };
	});
}
