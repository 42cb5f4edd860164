import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { demoBanner, openApp, waitForServiceWorker } from './driver';
import {
	addFollowParticipant,
	endDay,
	fixCount,
	launchGeoProfile,
	moveTo,
	startFollowAlong,
	storedRoute
} from './follow-driver';
import { filesUnder, findInFiles, needlesFor } from './disk-scan';
import { expectSaved, newNote, typeNote } from './notes-driver';
import { addPlace } from './places-driver';

// This spec needs the service worker (the rest run without it: see playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const MARKER = 'Kviksølvtrappen';
const CODE = 'SH-987';
const PLACE = 'Zinkbænken ved Sydhavnen';
/** Known positions for the route, with many decimals (none is a round number). */
const ROUTE = Array.from({ length: 16 }, (_, k) => ({
	latitude: 55.66981234 + k * 0.0000371,
	longitude: 12.55912347 + k * 0.0000237
}));
/** In the demo workspace, which is not encrypted: proves the scan finds plaintext where it is. */
const CONTROL = 'Kontrolordet-ukrypteret';

test('a closed browser leaves no note text, code, place name or coordinate readable on disk', async () => {
	test.setTimeout(240_000);
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-scan-'));
	try {
		const { context, page } = await launchGeoProfile(dir, ROUTE[0]);
		await openApp(page, '/');
		await waitForServiceWorker(page);

		await addFollowParticipant(page, CODE);
		await addPlace(page, { name: PLACE, neighbourhood: 'Sundholm' });
		await openApp(page, '/notes');
		await newNote(page);
		await typeNote(page, `${MARKER} med ${CODE} ved ${PLACE}`);
		await expectSaved(page);

		const id = await startFollowAlong(page, CODE);
		for (const at of ROUTE) await moveTo(context, page, at);
		await expect.poll(() => fixCount(page)).toBeGreaterThanOrEqual(ROUTE.length - 2);
		await endDay(page);
		// What is stored is what was fed: the route's coordinates are in the day, bit for bit.
		const stored = await storedRoute(page, id);
		expect(stored.count).toBeGreaterThanOrEqual(ROUTE.length - 2);

		// The control: the same kind of data in the demo workspace, which is not encrypted.
		await openApp(page, '/settings');
		await page.getByRole('button', { name: 'Try with demo data' }).click();
		await expect(page.getByRole('status')).toContainText('The demo workspace is ready.', {
			timeout: 60_000
		});
		await expect(demoBanner(page)).toBeVisible();
		await newNote(page);
		await typeNote(page, `${CONTROL} i demoen`);
		await expectSaved(page);
		const demoFix = await page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((res) => {
				const r = indexedDB.open('stedsans-demo');
				r.onsuccess = () => res(r.result);
			});
			// The content is the payload's `c` (its metadata, `m`, beside it since schema 11).
			const chunk = await new Promise<{ payload: { c: { lat: Float64Array } } }>((res) => {
				const r = db.transaction('fixChunks').objectStore('fixChunks').getAll(null, 1);
				r.onsuccess = () => res(r.result[0]);
			});
			db.close();
			return chunk.payload.c.lat[3]!;
		});
		await context.close();

		const profile = join(dir, 'Default');
		const folders = ['IndexedDB', 'Service Worker'].map((f) => join(profile, f));
		expect(folders.every(existsSync)).toBe(true);
		const files = folders.flatMap(filesUnder);
		expect(files.length).toBeGreaterThan(5);

		// The scan finds plaintext where there is some: the demo's note and one of its fixes.
		expect(findInFiles(files, needlesFor(CONTROL))).not.toEqual([]);
		expect(findInFiles(files, needlesFor(demoFix).slice(1))).not.toEqual([]);

		// Nothing of the own workspace: not the marker, the code, the place, any coordinate.
		const needles = [
			...needlesFor(MARKER),
			...needlesFor(CODE),
			...needlesFor(PLACE),
			...needlesFor('Zinkbænken'),
			...ROUTE.flatMap((p) => [...needlesFor(p.latitude), ...needlesFor(p.longitude)])
		];
		expect(findInFiles(files, needles)).toEqual([]);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
