import { expect, test, type Page } from './fixtures';
import { openApp, statusRegion } from './driver';
import { hms, importGpx, storedStops } from './follow-driver';
import { addPlace, openPlace } from './places-driver';

/**
 * A day with three known stops as GPX (a fix every 5 s): 8 min at A, a walk north, 7 min at B,
 * a walk east, 6 min at C. Positions jitter a few metres at each stop.
 */
function dayWithStops(): string {
	const t0 = Date.UTC(2026, 2, 3, 9, 0, 0);
	const pts: string[] = [];
	let t = t0;
	let lat = 55.6703;
	let lon = 12.5598;
	const add = () => {
		pts.push(
			`<trkpt lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"><time>${new Date(t).toISOString()}</time></trkpt>`
		);
		t += 5000;
	};
	const stay = (minutes: number) => {
		const [la, lo] = [lat, lon];
		for (let k = 0; k < (minutes * 60) / 5; k++) {
			lat = la + (((k * 7) % 5) - 2) * 0.00002;
			lon = lo + (((k * 3) % 5) - 2) * 0.00003;
			add();
		}
		[lat, lon] = [la, lo];
	};
	const move = (seconds: number, dLat: number, dLon: number) => {
		const n = seconds / 5;
		for (let k = 0; k < n; k++) {
			lat += dLat / n;
			lon += dLon / n;
			add();
		}
	};
	stay(8);
	move(120, 0.0014, 0);
	stay(7);
	move(150, 0, 0.003);
	stay(6);
	return `<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>stops</name><trkseg>${pts.join('')}</trkseg></trk></gpx>`;
}

const stops = (page: Page) => page.getByTestId('stop');

async function importDayWithStops(page: Page): Promise<void> {
	await importGpx(page, {
		name: 'stops.gpx',
		mimeType: 'application/gpx+xml',
		buffer: Buffer.from(dayWithStops())
	});
	await page.waitForURL(/\/follow\/day\?id=/);
	await expect(stops(page)).toHaveCount(3);
}

test('after the day: detected stops are confirmed, described, merged, split and deleted', async ({
	page
}) => {
	test.setTimeout(120_000);
	await openApp(page, '/');
	await importDayWithStops(page);
	await expect(
		page.getByText('3 stops were proposed (staying within 50 m for at least 5 min)')
	).toBeVisible();
	await expect(stops(page).nth(0)).toContainText('Proposed');

	// Confirm the first, and describe it.
	await stops(page).nth(0).getByRole('button', { name: 'Confirm' }).click();
	await expect(statusRegion(page)).toContainText('Stop confirmed.');
	await expect(stops(page).nth(0)).not.toContainText('Proposed');
	await stops(page).nth(0).getByRole('button', { name: 'Describe' }).click();
	const first = stops(page).nth(0);
	await first.getByLabel('Their own name for the place').fill('Trappen');
	await first.getByLabel('Category').selectOption({ label: 'Hangout' });
	await first.getByLabel('Wait').check();
	await first.getByLabel('Who was present').fill('two friends');
	await first.getByRole('radio', { name: 'Tense' }).check();
	await first.getByRole('radio', { name: 'Police', exact: true }).check();
	await first.getByRole('radio', { name: 'Usual' }).check();
	await first.getByRole('button', { name: 'Save' }).click();
	await expect(statusRegion(page)).toContainText('Stop saved.');
	await expect(stops(page).nth(0)).toContainText('Trappen');
	await expect(stops(page).nth(0)).toContainText('Hangout');
	await expect(page.getByTestId('day-summary')).toContainText('Trappen');

	// Merge the second with the third: one stop from B's arrival to C's departure.
	const secondArrival = (await stops(page).nth(1).locator('.time').innerText()).slice(0, 5);
	const thirdDeparture = (await stops(page).nth(2).locator('.time').innerText()).slice(6, 11);
	await stops(page).nth(1).getByRole('button', { name: 'Merge with next' }).click();
	await expect(statusRegion(page)).toContainText('Stops merged.');
	await expect(stops(page)).toHaveCount(2);
	await expect(stops(page).nth(1).locator('.time')).toContainText(
		`${secondArrival}–${thirdDeparture}`
	);

	// Undo: the two stops are back, each with its own times.
	await statusRegion(page).getByRole('button', { name: 'Undo' }).click();
	await expect(stops(page)).toHaveCount(3);
	await expect(stops(page).nth(1).locator('.time')).toContainText(`${secondArrival}–`);
	await expect(stops(page).nth(2).locator('.time')).toContainText(`–${thirdDeparture}`);

	// Split the second in the middle.
	await stops(page).nth(1).getByRole('button', { name: 'Split' }).click();
	await stops(page).nth(1).getByRole('button', { name: 'Split here' }).click();
	await expect(statusRegion(page)).toContainText('Stop split in two.');
	await expect(stops(page)).toHaveCount(4);

	// Delete one; Undo brings it back.
	await stops(page)
		.nth(3)
		.getByRole('button', { name: /Delete stop/ })
		.click();
	await expect(statusRegion(page)).toContainText('Stop moved to the trash.');
	await expect(stops(page)).toHaveCount(3);
	await statusRegion(page).getByRole('button', { name: 'Undo' }).click();
	await expect(stops(page)).toHaveCount(4);
});

test('the stop settings decide what detection proposes', async ({ page }) => {
	await openApp(page, '/settings');
	const minutes = page.getByLabel('… for at least (minutes)');
	await minutes.fill('7');
	await minutes.blur();
	await expect(statusRegion(page)).toContainText('Follow-along settings saved.');
	await importGpx(page, {
		name: 'stops.gpx',
		mimeType: 'application/gpx+xml',
		buffer: Buffer.from(dayWithStops())
	});
	await page.waitForURL(/\/follow\/day\?id=/);
	// Only the 8- and 7-minute stays are long enough.
	await expect(stops(page)).toHaveCount(2);
	await page.goto('/settings');
	await minutes.fill('5');
	await minutes.blur();
	await expect(statusRegion(page)).toContainText('Follow-along settings saved.');
	await page.goBack();
	await page.getByRole('button', { name: 'Detect stops' }).click();
	await expect(statusRegion(page)).toContainText('3 stops proposed.');
	await expect(stops(page)).toHaveCount(3);
});

test("a stop's place is picked from the glossary by an alias, names the stop in the summary, counts as an institution, and links the stop back", async ({
	page
}) => {
	test.setTimeout(120_000);
	await addPlace(page, {
		name: 'Trappen på Ståltorvet',
		aliases: ['Mekka'],
		category: 'Hangout',
		institution: 'Shelter',
		neighbourhood: 'Vesterbro'
	});
	await openApp(page, '/');
	await importDayWithStops(page);
	const dayId = new URL(page.url()).searchParams.get('id')!;
	const first = stops(page).nth(0);
	await first.getByRole('button', { name: 'Confirm' }).click();
	await expect(statusRegion(page)).toContainText('Stop confirmed.');
	const [stored] = await storedStops(page, dayId);
	await first.getByRole('button', { name: 'Describe' }).click();
	await first.getByLabel('Their own name for the place').fill('herberget');
	await first
		.getByRole('group', { name: 'Place in the glossary' })
		.getByRole('button', { name: 'Choose a place' })
		.click();

	// The picker searches names and aliases, without needing the Danish letters.
	const picker = page.getByRole('dialog', { name: 'Place in the glossary' });
	const search = picker.getByRole('searchbox', { name: 'Search places (names and aliases)' });
	await search.fill('staltorvet');
	const found = picker.getByRole('list', { name: 'Places found' }).getByRole('button');
	await expect(found).toHaveCount(1);
	await expect(found.first()).toContainText('Trappen på Ståltorvet');
	await search.fill('mekka');
	await expect(found).toHaveCount(1);
	await expect(found.first()).toContainText('Mekka');
	await expect(found.first()).toContainText('Trappen på Ståltorvet');
	await found.first().click();
	await expect(picker).toBeHidden();
	await expect(
		first.getByRole('group', { name: 'Place in the glossary' }).getByRole('link')
	).toHaveText('Trappen på Ståltorvet');
	await first.getByRole('button', { name: 'Save' }).click();
	await expect(statusRegion(page)).toContainText('Stop saved.');

	// Saving the text moved no time: the stop is as long as before, to the second.
	const [saved] = await storedStops(page, dayId);
	expect(saved!.ownName).toBe('herberget');
	expect([saved!.arrivedAt, saved!.departedAt]).toEqual([stored!.arrivedAt, stored!.departedAt]);
	const spent = hms(saved!.departedAt! - saved!.arrivedAt);

	// The summary names the stop by its place, with the participant's name beside it, and
	// counts it as time at an institution: the place is one.
	const summary = page.getByTestId('day-summary');
	await expect(summary).toContainText(`At institutions ${spent}`);
	const row = summary.getByRole('listitem').filter({ hasText: 'Trappen på Ståltorvet' });
	await expect(row).toContainText('their name: “herberget”');
	await expect(row).toContainText(spent);
	await expect(stops(page).nth(0)).toContainText('1. Trappen på Ståltorvet');

	// The place's page lists the stop and the follow-along, and the time spent there (the stop's
	// whole span: before times were kept to the second on saving, it showed the span cut to minutes).
	await openPlace(page, 'Mekka', 'Trappen på Ståltorvet');
	await expect(page.getByRole('heading', { name: '1 stop', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: '1 follow-along', exact: true })).toBeVisible();
	const minutes = Math.round((saved!.departedAt! - saved!.arrivedAt) / 60_000);
	await expect(page.getByTestId('time-spent')).toHaveText(
		`${minutes} min spent here: 1 stop on 1 follow-along.`
	);
});
