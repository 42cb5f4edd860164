import { expect, test } from './fixtures';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUT } from './screens-driver';
import {
	DESKTOP,
	expectAppReady,
	goOffline,
	startDemo,
	statusRegion,
	waitForServiceWorker
} from './driver';
import {
	areaTab,
	chooseArea,
	chooseResolution,
	computeButton,
	computeHeatmap,
	drawnCells,
	exportButton,
	mapIdle,
	notForPublicationBadge,
	notForPublicationDialog,
	openHeatmaps,
	report,
	reportValue,
	saveDownload,
	shadedPixels,
	showOneParticipant,
	workerScripts,
	type Area
} from './heatmaps-driver';

// This spec needs the service worker (the rest run without it: see playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

test.use({ viewport: DESKTOP });

test('the demo’s heatmaps: each neighbourhood shows shaded cells and what was held back', async ({
	page
}) => {
	test.setTimeout(150_000);
	await startDemo(page);
	await openHeatmaps(page);
	await mapIdle(page);
	// Nothing is drawn before Compute (a few pixels of the outline's anti-aliasing come close).
	expect(await drawnCells(page)).toBe(0);
	expect(await shadedPixels(page)).toBeLessThan(1_000);
	// The compute runs in a Web Worker (its main-thread cost is measured in the benchmark).
	await computeHeatmap(page);
	expect(workerScripts(page).some((f) => /^heatmap\.worker-.*\.js$/.test(f))).toBe(true);

	const cells: Record<string, number> = {};
	for (const area of ['vesterbro', 'nordvest', 'sundholm', 'all'] as Area[]) {
		await chooseArea(page, area);
		const shown = Number(await reportValue(page, /^Cells shown$/));
		cells[area] = shown;
		expect(shown, area).toBeGreaterThanOrEqual(1);
		await expect.poll(() => drawnCells(page), { message: area }).toBeGreaterThanOrEqual(shown);
		expect(await shadedPixels(page), area).toBeGreaterThan(3_000);
		// counts about people in bands ("5–9"), never below k
		const fewest = await reportValue(page, /^Fewest participants in a shown cell$/);
		expect(fewest).toMatch(/^\d+(–\d+| or more)$/);
		expect(Number(fewest.split(/\D/)[0])).toBeGreaterThanOrEqual(5);
		expect(await reportValue(page, /^Cells left out whole as institutions$/)).toMatch(
			/^[1-9]\d*: every cell touching the 150 m buffer/
		);
		expect(await reportValue(page, /^Participants left out$/)).toContain('1–4 withdrawn');
	}
	expect(cells.vesterbro).toBeGreaterThanOrEqual(10);
	expect(cells.nordvest).toBeGreaterThanOrEqual(10);
	// Sundholm is small, its shelter in the middle: the rim of cells clear of the buffer.
	expect(cells.sundholm).toBeGreaterThanOrEqual(5);
	expect(cells.all).toBe(cells.vesterbro! + cells.nordvest! + cells.sundholm!);
	await chooseArea(page, 'vesterbro');
	expect(await reportValue(page, /^Cells held back$/)).toMatch(/with fewer than 5 participants/);

	// A finer grid is computed again on request and shows more of the streets around the shelter.
	await chooseArea(page, 'sundholm');
	await chooseResolution(page, 10);
	await expect(
		page.getByText(/The settings have changed since this map was computed/)
	).toBeVisible();
	await computeHeatmap(page);
	// The status of the first computation may still be up: wait for the new report.
	await expect(
		page.getByText(/The settings have changed since this map was computed/)
	).toBeHidden();
	await expect
		.poll(async () => Number(await reportValue(page, /^Cells shown$/)))
		.toBeGreaterThan(cells.sundholm!);
	expect(await shadedPixels(page)).toBeGreaterThan(2_000);

	// Places named (the demo's interviews and survey): a map in each neighbourhood, by source.
	await chooseResolution(page, 9);
	await page.getByRole('radio', { name: 'Places named' }).check();
	await computeHeatmap(page);
	await expect(page.getByText(/The settings have changed/)).toBeHidden();
	for (const area of ['vesterbro', 'nordvest', 'sundholm'] as Area[]) {
		await chooseArea(page, area);
		const shown = Number(await reportValue(page, /^Cells shown$/));
		expect(shown, area).toBeGreaterThanOrEqual(1);
		await expect.poll(() => drawnCells(page), { message: area }).toBeGreaterThanOrEqual(shown);
		expect(await reportValue(page, /^Participants by source$/), area).toMatch(
			/Interview: [1-9].*Survey: [1-9]/
		);
	}
});

test('a computation can be cancelled, and computing again works', async ({ page, context }) => {
	test.setTimeout(150_000);
	await startDemo(page);
	await openHeatmaps(page);
	await mapIdle(page);
	// A slow phone: the computation takes long enough to be cancelled by hand.
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 12 });
	await computeButton(page).click();
	await expect(page.getByRole('progressbar')).toBeVisible();
	await expect(computeButton(page)).toBeDisabled();
	// The screen answers meanwhile: another tab can be chosen.
	await chooseArea(page, 'nordvest');
	await expect(page.getByRole('progressbar')).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(statusRegion(page)).toContainText(
		'The computation was cancelled. Nothing was changed.'
	);
	await expect(page.getByRole('progressbar')).toBeHidden();
	await expect(report(page)).toBeHidden();
	expect(await drawnCells(page)).toBe(0);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	await computeHeatmap(page);
	expect(Number(await reportValue(page, /^Cells shown$/))).toBeGreaterThanOrEqual(10);
});

test('one participant’s everyday places: labelled not for publication, exported only when confirmed', async ({
	page
}) => {
	test.setTimeout(150_000);
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-heat-'));
	await startDemo(page);
	await openHeatmaps(page);
	await expect(
		page.getByRole('radio', { name: 'One participant’s everyday places — Not for publication' })
	).toBeVisible();
	const code = await showOneParticipant(page);
	const area = ({ VB: 'vesterbro', NV: 'nordvest', SH: 'sundholm' } as const)[code.slice(0, 2)]!;
	// Their own neighbourhood's tab is chosen with them.
	await expect(areaTab(page, area)).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByText(/For analysis inside the team only/)).toBeVisible();
	await computeHeatmap(page);
	await expect(notForPublicationBadge(page)).toHaveText('Not for publication');
	await expect(report(page).locator('..')).toContainText('Not for publication');
	expect(await drawnCells(page)).toBeGreaterThan(0);
	expect(await shadedPixels(page)).toBeGreaterThan(2_000);

	// Asked first; saying no downloads nothing.
	let downloads = 0;
	page.on('download', () => downloads++);
	await exportButton(page, 'geojson').click();
	await expect(notForPublicationDialog(page)).toBeVisible();
	await expect(notForPublicationDialog(page)).toContainText(
		'must not be published or shared outside it'
	);
	await notForPublicationDialog(page).getByRole('button', { name: 'Cancel' }).click();
	await expect(notForPublicationDialog(page)).toBeHidden();
	expect(downloads).toBe(0);

	const download = page.waitForEvent('download');
	await exportButton(page, 'geojson').click();
	await notForPublicationDialog(page)
		.getByRole('button', { name: 'Export, not for publication' })
		.click();
	const path = await saveDownload(await download, dir);
	expect(path).toMatch(
		new RegExp(`stedsans-heatmap-${area}-not-for-publication-[\\d-]+\\.geojson$`)
	);
	// not for publication inside the file too, on the collection and on every feature
	const fc = JSON.parse(readFileSync(path, 'utf8'));
	expect(fc.features.length).toBeGreaterThan(0);
	expect(fc.notForPublication).toBe(true);
	for (const f of fc.features) expect(f.properties.notForPublication).toBe(true);

	// The PNG carries the caption in the image (kept for looking at: a caption cannot be asserted).
	const image = page.waitForEvent('download');
	await exportButton(page, 'png').click();
	await notForPublicationDialog(page)
		.getByRole('button', { name: 'Export, not for publication' })
		.click();
	const png = await saveDownload(await image, dir);
	expect(png).toMatch(/-not-for-publication-[\d-]+\.png$/);
	mkdirSync(OUT, { recursive: true });
	copyFileSync(png, `${OUT}/heatmaps-participant-export.png`);

	// Where they sleep (places named): like any map of sleeping, buying or using places, it leaves
	// only with the worded confirmation ticked, however it is exported.
	await page.getByRole('radio', { name: 'Places named' }).check();
	await page.getByLabel('Which activity').selectOption({ label: 'Sleep' });
	await computeHeatmap(page);
	await exportButton(page, 'csv').click();
	const dialog = notForPublicationDialog(page);
	await expect(dialog).toContainText('A map of places to sleep');
	await expect(dialog).toContainText('can guide a clearance of the spot');
	const confirm = dialog.getByRole('button', { name: 'Export, not for publication' });
	await expect(confirm).toBeDisabled();
	await page.screenshot({ path: `${OUT}/heatmaps-participant-clearance-desktop-en.png` });
	const csv = page.waitForEvent('download');
	await dialog.getByRole('checkbox', { name: /the map may be used to clear these places/ }).check();
	await confirm.click();
	expect(await saveDownload(await csv, dir)).toMatch(/-not-for-publication-[\d-]+\.csv$/);
	// Asked again for the next file: the tick does not carry over.
	await exportButton(page, 'png').click();
	await expect(confirm).toBeDisabled();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	expect(downloads).toBe(3);
});

test('the heatmap is computed with the network off, its worker served by the service worker', async ({
	page,
	context
}) => {
	test.setTimeout(150_000);
	await startDemo(page);
	await waitForServiceWorker(page);
	await goOffline(page, context);
	await page.reload();
	await expectAppReady(page);
	await openHeatmaps(page);
	await computeHeatmap(page);
	expect(Number(await reportValue(page, /^Cells shown$/))).toBeGreaterThanOrEqual(10);
	expect(await shadedPixels(page)).toBeGreaterThan(3_000);
});
