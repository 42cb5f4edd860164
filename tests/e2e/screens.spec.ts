import { expect, test } from './fixtures';
import { mkdirSync } from 'node:fs';
import { NEIGHBOURHOOD_COLOURS } from '../../src/lib/map/layers';
import {
	boundaryMap,
	countColouredPixels,
	expectAppReady,
	KK_KVARTERER,
	openApp,
	startDemo,
	visit
} from './driver';
import { checkScreen, OUT, sizesFor } from './screens-driver';

for (const [lang, locale] of [
	['en', 'en-GB'],
	['da', 'da-DK']
] as const) {
	for (const [size, viewport] of sizesFor(lang)) {
		test.describe(`${lang} ${size}`, () => {
			test.use({ locale, viewport });

			test(`every screen is readable and accessible (${lang}, ${size})`, async ({ page }) => {
				mkdirSync(OUT, { recursive: true });
				const shot = (screen: string) => `${screen}-${lang}-${size}`;

				await openApp(page, '/');
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				await checkScreen(page, shot('welcome'), lang);

				for (const [screen, path] of [
					['settings', '/settings'],
					['trash', '/settings/trash'],
					['boundaries', '/settings/boundaries']
				] as const) {
					await visit(page, path);
					await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
					await checkScreen(page, shot(screen), lang);
				}

				// The import with its map (offline style: the basemap host is unreachable in tests).
				await page
					.getByLabel(/Choose a GeoJSON file|Vælg en GeoJSON-fil/)
					.setInputFiles(KK_KVARTERER);
				await expect(boundaryMap(page).locator('canvas')).toBeVisible();
				await expect(boundaryMap(page)).toHaveAttribute('data-offline', 'true');
				// Drawn: every neighbourhood's colour is on the map.
				const colours = Object.values(NEIGHBOURHOOD_COLOURS);
				await expect
					.poll(async () =>
						Math.min(...(await countColouredPixels(page, boundaryMap(page), colours)))
					)
					.toBeGreaterThan(0);
				await checkScreen(page, shot('boundaries-map'), lang);

				await startDemo(page);
				// The demo opens on the notes list.
				await page.waitForURL('**/notes');
				await expectAppReady(page);
				await checkScreen(page, shot('demo-first-screen'), lang, false);
				await openApp(page, '/settings');
				await checkScreen(page, shot('demo-settings'), lang);
			});
		});
	}
}
