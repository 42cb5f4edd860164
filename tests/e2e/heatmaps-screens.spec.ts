import { expect, test, type Page } from './fixtures';
import { mkdirSync } from 'node:fs';
import { DESKTOP, PHONE, startDemo } from './driver';
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
import { checkScreen, OUT } from './screens-driver';

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
			for (const [size, viewport] of [
				['phone', PHONE],
				['desktop', DESKTOP]
			] as const) {
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
