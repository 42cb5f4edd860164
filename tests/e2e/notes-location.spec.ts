import { expect, test } from './fixtures';
import { latLngToCell, cellToLatLng, greatCircleDistance } from 'h3-js';
import { goOffline, openApp, waitForServiceWorker } from './driver';
import { expectLayerDrawn } from './follow-driver';
import { openedRecords } from './lock-driver';
import {
	closeNoteDetail,
	expectSaved,
	newNote,
	noteDetails,
	numbersIn,
	openNoteDetail,
	typeNote
} from './notes-driver';

// This spec needs the service worker (the rest run without it: see playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

// A position in Vesterbro chosen far (> 150 m) from the centre of its resolution-8 cell, so the
// stored centre can never be mistaken for the raw fix.
const RAW = { latitude: 55.66905, longitude: 12.55495 };
const [centreLat, centreLon] = cellToLatLng(latLngToCell(RAW.latitude, RAW.longitude, 8));
const metres = (lat: number, lon: number) =>
	greatCircleDistance([lat, lon], [RAW.latitude, RAW.longitude], 'm');

test.use({ permissions: ['geolocation'], geolocation: { ...RAW, accuracy: 12 } });

test('a located note written offline stores the cell, never the position', async ({
	page,
	context
}) => {
	expect(metres(centreLat, centreLon)).toBeGreaterThan(150);
	await openApp(page, '/notes');
	await waitForServiceWorker(page);
	await goOffline(page, context);
	await page.reload();
	await newNote(page);
	await typeNote(page, 'Bænkene igen, kold vind');
	const location = await openNoteDetail(page, 'Location');
	await location.getByRole('button', { name: 'Add location' }).click();
	await expect(page.getByRole('status')).toContainText('Location added as a grid cell');
	// Said in words (its size in metres, its neighbourhood) and shown on a small map, offline too.
	await expect(page.getByTestId('note-location')).toHaveText(
		'A grid cell with sides of about 531 m, in Vesterbro'
	);
	await expect(
		location.getByRole('region', { name: "The note's grid cell on a map" })
	).toBeVisible();
	await expectLayerDrawn(page, 'note-cell-fill');
	await closeNoteDetail(location);
	await expect(
		noteDetails(page).getByRole('button', { name: 'Location: Cell in Vesterbro' })
	).toBeVisible();
	await expect(
		noteDetails(page).getByRole('button', { name: 'Neighbourhood: Vesterbro' })
	).toBeVisible();
	await expectSaved(page);

	// What is stored, opened with the workspace's key: the sealed bytes alone would prove nothing.
	const dump = (await openedRecords(page)).map((r) => ({
		...r,
		row: { ...r.row, payload: r.content }
	}));
	const notes = dump.filter((d) => d.table === 'notes');
	expect(notes).toHaveLength(1);
	const text = JSON.stringify(dump);
	expect(text).toContain(latLngToCell(RAW.latitude, RAW.longitude, 8));
	expect(text).not.toContain(String(RAW.latitude));
	expect(text).not.toContain(String(RAW.longitude));
	// No pair of stored numbers lies within 50 m of the raw fix: only the cell centre is there.
	const nums = numbersIn(dump).filter((n) => Math.abs(n) <= 180);
	const lats = nums.filter((n) => Math.abs(n - RAW.latitude) < 0.01);
	const lons = nums.filter((n) => Math.abs(n - RAW.longitude) < 0.02);
	for (const lat of lats) for (const lon of lons) expect(metres(lat, lon)).toBeGreaterThan(50);
});

test('a denied position leaves the note as it was, with a clear message', async ({
	page,
	context
}) => {
	await context.clearPermissions();
	await openApp(page, '/notes');
	await newNote(page);
	await typeNote(page, 'Ingen placering her');
	const location = await openNoteDetail(page, 'Location');
	await location.getByRole('button', { name: 'Add location' }).click();
	await expect(page.getByRole('alert')).toContainText('permission denied');
	await expect(page.getByTestId('note-location')).toHaveText('No location.');
});
