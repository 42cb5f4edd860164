import { expect, test, type Page } from './fixtures';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertRegion, openApp, statusRegion } from './driver';
import {
	addFollowParticipant,
	answerFieldArea,
	gpxDay,
	gpxFile,
	importGpx,
	storedStops
} from './follow-driver';

/** At the desk: several days imported at once, found again in the list, and summed up across days. */

let dir = '';
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'stedsans-desk-'));
});
test.afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

const at = (iso: string) => Date.parse(iso);
const wpt = (lat: number, lon: number, name: string, iso?: string) =>
	`<wpt lat="${lat}" lon="${lon}">${iso ? `<time>${iso}</time>` : ''}<name>${name}</name></wpt>`;

/** The list's rows, as the participant code and date each shows. */
const days = (page: Page) =>
	page.getByRole('list', { name: 'Follow-along days' }).getByRole('link');

/** Downloads the summary's CSV in a dialect and reads it (BOM and all). */
async function downloadCsv(page: Page, button: string): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: button, exact: true }).click();
	const path = join(dir, (await download).suggestedFilename());
	await (await download).saveAs(path);
	await expect(statusRegion(page)).toContainText('saved');
	return readFileSync(path, 'utf8');
}

test('several GPX files become days at once; the list finds them; the summary across days and its CSV add up', async ({
	page
}) => {
	test.setTimeout(180_000);
	await openApp(page, '/');
	await addFollowParticipant(page, 'VB-031');

	// Day 1 has waypoints: one in its first stop (names it), one on the walk (a stop of its own),
	// one far away without a time (left out). Day 3 is in Slovenia; file 4 is empty.
	const d1 = gpxDay(at('2026-03-03T09:00:00Z'), [8, 7], {
		waypoints: [
			wpt(55.6703, 12.5598, 'Bænken', '2026-03-03T09:03:00Z'),
			wpt(55.6709, 12.5608, 'Kiosken', '2026-03-03T09:09:00Z'),
			wpt(46.05, 14.5, 'Ljubljana')
		].join('')
	});
	const d2 = gpxDay(at('2026-03-05T10:00:00Z'), [6, 9]);
	const away = gpxDay(at('2026-03-04T08:00:00Z'), [10, 10], {
		from: { latitude: 46.05, longitude: 14.5 }
	});
	await importGpx(
		page,
		[
			gpxFile('tuesday.gpx', d1.text),
			gpxFile('thursday.gpx', d2.text),
			gpxFile('ljubljana.gpx', away.text),
			gpxFile('nothing.gpx', '')
		],
		'VB-031'
	);
	// The Slovenian track is asked about before anything of it is stored: cancelled.
	await expect(
		page.getByRole('group', { name: 'ljubljana.gpx leaves the field area' })
	).toContainText('100 % of its positions lie outside Vesterbro, Nordvest and Sundholm');
	await answerFieldArea(page, 'Cancel the import');
	const results = page.getByTestId('gpx-results');
	await expect(page.getByRole('heading', { name: '2 of 4 files imported' })).toBeVisible();
	await expect(results.getByRole('listitem').nth(0)).toContainText(
		'2 waypoints from the file are offered as stops to confirm.'
	);
	await expect(results.getByRole('listitem').nth(0)).toContainText('1 waypoint was left out');
	await expect(results.getByRole('listitem').nth(2)).toContainText('Not imported: cancelled');
	await expect(results.getByRole('listitem').nth(3)).toContainText('This file is empty');
	await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

	// A day of someone else's (no participant), imported on its own.
	await importGpx(page, gpxFile('wednesday.gpx', gpxDay(at('2026-03-04T11:00:00Z'), [6]).text));
	await page.waitForURL(/\/follow\/day\?id=/);
	await expect(statusRegion(page)).toContainText('Imported');
	await expect(page.getByText('Vesterbro', { exact: false }).first()).toBeVisible();

	// The list: newest first; filtered by participant, then by date; searched by a place's name.
	await openApp(page, '/follow');
	await expect(days(page)).toHaveCount(3);
	await expect(days(page).first()).toContainText('5 March 2026');
	await page
		.getByRole('searchbox', { name: 'Search participant codes and places' })
		.fill('kiosken');
	await expect(days(page)).toHaveCount(1);
	await expect(days(page).first()).toContainText('3 March 2026');
	await page.getByRole('searchbox', { name: 'Search participant codes and places' }).fill('');
	await page.getByText('Filter and sort').click();
	const filters = page.locator('.filters');
	await filters.getByLabel('Participant', { exact: true }).selectOption({ label: 'VB-031' });
	await expect(page.getByTestId('days-count')).toHaveText('Showing 2 of 3 follow-alongs');
	await filters.getByLabel('From').fill('2026-03-04');
	await expect(days(page)).toHaveCount(1);
	await expect(days(page).first()).toContainText('5 March 2026');
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(days(page)).toHaveCount(3);

	// Day 1: the waypoints are stops to confirm; the first stop is marked as an institution.
	await filters.getByLabel('Order').selectOption({ label: 'Oldest first' });
	await days(page).first().click();
	await page.waitForURL(/\/follow\/day\?id=/);
	const day1 = new URL(page.url()).searchParams.get('id')!;
	const stops = page.getByTestId('stop');
	await expect(stops).toHaveCount(3);
	await expect(stops.nth(0)).toContainText('1. Bænken');
	await expect(stops.nth(1)).toContainText('2. Kiosken');
	await expect(stops.nth(1)).toContainText('Proposed');
	await stops.nth(0).getByRole('button', { name: 'Describe' }).click();
	await stops.nth(0).getByLabel('An institution (consumption room, shelter, job centre…)').check();
	await stops.nth(0).getByRole('button', { name: 'Save' }).click();
	await expect(statusRegion(page)).toContainText('Stop saved.');
	const day2 = await (async () => {
		await openApp(page, '/follow');
		await days(page).first().click();
		await page.waitForURL(/\/follow\/day\?id=/);
		return new URL(page.url()).searchParams.get('id')!;
	})();

	// What the summary must say, from what is stored and the files' own times.
	const [first, second] = [await storedStops(page, day1), await storedStops(page, day2)];
	const span = (s: { arrivedAt: number; departedAt: number | null }) => s.departedAt! - s.arrivedAt;
	const minutes = (ms: number) => Math.round((ms / 60_000) * 100) / 100;
	const institution = span(first[0]!);
	const known = d1.last - d1.first + (d2.last - d2.first);
	const unnamed = [...first.slice(2), ...second].reduce((n, s) => n + span(s), 0);

	await openApp(page, '/follow/summary');
	await page.getByLabel('Participant', { exact: true }).selectOption({ label: 'VB-031' });
	await page.getByRole('button', { name: 'Summarise' }).click();
	const summary = page.getByTestId('period-summary');
	await expect(summary.getByRole('heading', { name: '2 follow-alongs' })).toBeVisible();
	const csv = await downloadCsv(page, 'Download CSV');
	const rows = csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(rows[0]).toBe(
		'scope,participant,place,institution,days,visits,participants,minutes_at_institutions,minutes_outside,minutes_unknown,minutes_at_place,minutes_outside_sketched'
	);
	expect(rows).toContain(
		`participant,VB-031,,,2,,,${minutes(institution)},${minutes(known - institution)},0,,0`
	);
	expect(rows).toContain(`place,,Bænken,yes,1,1,1,,,,${minutes(institution)},`);
	expect(rows).toContain(`place,,Unnamed stops,no,2,3,1,,,,${minutes(unnamed)},`);
	expect(rows.at(-1)).toBe(
		`total,,,,2,,1,${minutes(institution)},${minutes(known - institution)},0,,0`
	);

	// The Danish Excel variant: semicolons, a decimal comma, the byte-order mark.
	const da = await downloadCsv(page, 'Download CSV for Excel (Danish)');
	expect(da.startsWith('\uFEFFscope;participant;place;')).toBe(true);
	const comma = (n: number) => String(n).replace('.', ',');
	expect(da).toContain(`\r\nplace;;Bænken;yes;1;1;1;;;;${comma(minutes(institution))};\r\n`);
	await expect(alertRegion(page)).toBeEmpty();
});
