import { expect, test, type Page } from './fixtures';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo } from './driver';
import {
	chooseArea,
	computeHeatmap,
	drawnCells,
	exportButton,
	mapIdle,
	notForPublicationDialog,
	openHeatmaps,
	shadedPixels,
	showOneParticipant
} from './heatmaps-driver';
import { downloadReleased, openPublished, publishedRelease, releaseMap } from './releases-driver';
import { checkScreen, OUT, screenshotAll, shoot, sizesFor } from './screens-driver';

/** The print export as a reader opens it: the SVG alone in a page of the screen's size. */
async function printShot(page: Page, svgPath: string, name: string): Promise<void> {
	const viewer = await page.context().newPage();
	await viewer.setViewportSize(page.viewportSize()!);
	const svg = readFileSync(svgPath).toString('base64');
	await viewer.setContent(
		`<body style="margin:0;background:#777"><img alt="" style="display:block;width:100%" src="data:image/svg+xml;base64,${svg}"></body>`
	);
	await viewer.locator('img').evaluate((img: HTMLImageElement) => img.decode());
	await shoot(viewer, { path: `${OUT}/${name}.png`, fullPage: true });
	await viewer.close();
}

/** The map has drawn its cells (a grey or empty map fails here) before the shot is taken. */
async function cellsDrawn(page: Page): Promise<void> {
	await expect.poll(() => drawnCells(page)).toBeGreaterThan(0);
	expect(await shadedPixels(page)).toBeGreaterThan(2_000);
}

for (const [lang, locale] of [
	['en', 'en-GB'],
	['da', 'da-DK']
] as const)
	test.describe(lang, () => {
		test.use({ locale });
		test(`the Heatmaps screens look right and pass axe on a phone and a desktop (${lang})`, async ({
			page
		}) => {
			test.setTimeout(240_000);
			mkdirSync(OUT, { recursive: true });
			await startDemo(page);
			for (const [size, viewport] of sizesFor(lang)) {
				await page.setViewportSize(viewport);
				const shot = (name: string) => `heatmaps-${name}-${lang}-${size}`;
				await openHeatmaps(page);
				await mapIdle(page);
				await checkScreen(page, shot('before'), lang);
				await computeHeatmap(page);
				for (const area of ['vesterbro', 'nordvest', 'sundholm', 'all'] as const) {
					await chooseArea(page, area);
					await cellsDrawn(page);
					await checkScreen(page, shot(area), lang);
				}
				// A release of the map of all three: Published maps, and its print export.
				const title = `${lang} ${size}: all three`;
				await releaseMap(page, title);
				await openPublished(page);
				await expect(publishedRelease(page, title)).toBeVisible();
				await checkScreen(page, shot('published'), lang);
				// The methods paragraph is there in both languages, on purpose: shot, not checked.
				await publishedRelease(page, title).locator('summary').click();
				await screenshotAll(page, `${OUT}/${shot('published-methods')}.png`);
				const dir = mkdtempSync(join(tmpdir(), 'stedsans-print-'));
				await printShot(page, await downloadReleased(page, title, 'svg', dir), shot('print'));
				await openHeatmaps(page);
				// One participant's places, not for publication, and the question before an export.
				await showOneParticipant(page);
				await computeHeatmap(page);
				await cellsDrawn(page);
				await checkScreen(page, shot('participant'), lang);
				await exportButton(page, 'csv').click();
				await expect(notForPublicationDialog(page)).toBeVisible();
				await checkScreen(page, shot('participant-confirm'), lang);
				await notForPublicationDialog(page)
					.getByRole('button', { name: /^(Cancel|Annullér)$/ })
					.click();
			}
		});
	});
