import { expect, test } from './fixtures';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dpiOf } from '../../src/lib/domain/format/png-dpi';
import { DESKTOP, startDemo, statusRegion } from './driver';
import { exportBackup, importBackup } from './export-driver';
import {
	chooseArea,
	chooseMetric,
	chooseResolution,
	computeHeatmap,
	openHeatmaps,
	participantsAndDaysPerHexagon,
	reportValue
} from './heatmaps-driver';
import {
	downloadReleased,
	followedParticipant,
	hiddenAtLeast,
	openPublished,
	purge,
	readReleased,
	releaseMap,
	stillStored,
	withdraw
} from './releases-driver';
import { OUT } from './screens-driver';
import { importMapFile } from './basemap-driver';
import { makeBasemapArchive } from '../basemap-fixture';

test.use({ viewport: DESKTOP });

/*
 * Issue 13, end to end on the demo workspace: what two releases show cannot be combined to find
 * anyone, across grids and across a withdrawal, and a purged participant stays purged.
 */

test('resolution 9, then 8: subtracting the second release from the first reveals no held-back cell', async ({
	page
}) => {
	test.setTimeout(240_000);
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-release-'));
	await startDemo(page);
	// An offline map on the device: the print export draws its streets under the cells.
	await page.goto('/settings');
	await importMapFile(page, 'copenhagen.pmtiles', makeBasemapArchive());
	await expect(statusRegion(page)).toContainText('Offline map stored');
	await openHeatmaps(page);
	await chooseArea(page, 'all');
	// Person-days: in the demo, one resolution-8 cell holds at least 100 of them and its released
	// children fewer than 100, so without the check its held-back children would show as visited.
	await chooseMetric(page, 'person-days');
	await computeHeatmap(page);
	await releaseMap(page, 'All three, grid 9');
	await chooseResolution(page, 8);
	await computeHeatmap(page);
	await releaseMap(page, 'All three, grid 8');

	await openPublished(page);
	const fine = readReleased(await downloadReleased(page, 'All three, grid 9', 'geojson', dir));
	const coarse = readReleased(await downloadReleased(page, 'All three, grid 8', 'geojson', dir));
	expect(fine.resolution).toBe(9);
	expect(coarse.resolution).toBe(8);
	expect(fine.cells.size).toBeGreaterThanOrEqual(10);
	expect(coarse.cells.size).toBeGreaterThan(0);
	// The attack: each coarse cell's lower bound less its released children's upper bounds is
	// what its held-back children must at least hold. Never above zero: nobody is shown there.
	const bounds = hiddenAtLeast(coarse, fine);
	expect(bounds.size).toBeGreaterThan(0);
	for (const [cell, lower] of bounds) expect(lower, cell).toBeLessThan(0);
	// Every released hexagon holds at least 5 participants on 2 days, counted from the fixes.
	const rings = JSON.parse(
		readFileSync(await downloadReleased(page, 'All three, grid 9', 'geojson', dir), 'utf8')
	).features.map((f: { geometry: { coordinates: number[][][] } }) => f.geometry.coordinates[0]!);
	for (const c of await participantsAndDaysPerHexagon(page, rings)) {
		expect(c.participants).toBeGreaterThanOrEqual(5);
		expect(c.days).toBeGreaterThanOrEqual(2);
	}

	// The print export: SVG and a PNG at 300 dpi, 180 mm wide; kept for looking at.
	mkdirSync(OUT, { recursive: true });
	const svg = await downloadReleased(page, 'All three, grid 8', 'svg', dir);
	const png = readFileSync(await downloadReleased(page, 'All three, grid 8', 'png', dir));
	const print = readFileSync(svg, 'utf8');
	expect(print).toMatch(/^<svg [^>]*width="510pt"/);
	// the basemap under the cells, and its attribution beside the others
	expect(print).toMatch(/<image [^>]*href="data:image\/png;base64,/);
	expect(print).toContain('OpenStreetMap contributors');
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	expect(png.readUInt32BE(16)).toBe(2125);
	expect(dpiOf(png)).toBe(300);
	copyFileSync(svg, `${OUT}/release-print-all-8.svg`);
	copyFileSync(
		await downloadReleased(page, 'All three, grid 8', 'png', dir),
		`${OUT}/release-print-all-8.png`
	);
});

test('a participant withdraws and the map is released again: the difference reveals no cell of theirs', async ({
	page
}) => {
	test.setTimeout(240_000);
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-release-'));
	await startDemo(page);
	// VB-009's withdrawal moves two of Vesterbro's cells across a class bound (seen in a run
	// without the check): the difference between two plain releases would show where they were.
	const x = await followedParticipant(page, 'VB-009');
	await openHeatmaps(page);
	await computeHeatmap(page);
	await releaseMap(page, 'Vesterbro before');
	await openPublished(page);
	const firstPath = await downloadReleased(page, 'Vesterbro before', 'geojson', dir);
	const before = readReleased(firstPath);
	// X is in the released map: without the check their withdrawal would show in it.
	expect([...before.cells.keys()].filter((c) => x.cells.has(c)).length).toBeGreaterThan(0);

	await withdraw(page, x.code);
	await openHeatmaps(page);
	await computeHeatmap(page);
	await expect(page.getByTestId('heat-comparison')).toContainText(
		'Fewer than 5 participants’ figures have changed: every figure is as released then.'
	);
	expect(await reportValue(page, /^Participants left out$/)).toContain('1–4 withdrawn');
	await releaseMap(page, 'Vesterbro after');
	await openPublished(page);
	const after = readReleased(await downloadReleased(page, 'Vesterbro after', 'geojson', dir));
	for (const cell of new Set([...before.cells.keys(), ...after.cells.keys()]))
		expect(after.cells.get(cell), cell).toEqual(before.cells.get(cell));
	// The first release, exported again after the data changed: the same bytes.
	const again = await downloadReleased(page, 'Vesterbro before', 'geojson', dir);
	expect(readFileSync(again)).toEqual(readFileSync(firstPath));
});

test('a purged participant does not come back from an older backup', async ({ page }) => {
	test.setTimeout(240_000);
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-release-'));
	await startDemo(page);
	const x = await followedParticipant(page, 'VB-009');
	const older = await exportBackup(page, dir, { plaintext: true }, { anyway: true });
	await withdraw(page, x.code);
	await purge(page, x.code);
	expect(await stillStored(page, x.id)).toEqual({ participant: false, days: 0 });

	await importBackup(page, older);
	await expect(statusRegion(page)).toContainText(/Backup imported|Sikkerhedskopi importeret/);
	expect(await stillStored(page, x.id)).toEqual({ participant: false, days: 0 });
	await page.goto('/notes/participants');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText(x.code, { exact: true })).toHaveCount(0);
});
