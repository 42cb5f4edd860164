import { runAxe } from './axe';
import { expect, test, type Page } from './fixtures';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseLanguage, leaveDemo, openApp, visit } from './driver';
import { startDemoWorkspace } from './notes-driver';
import { addPlace, exportTeamPackage, placesDrawn, readPackage } from './places-driver';
import { shoot, sizesFor } from './screens-driver';

const OUT = 'tests/.out/screens';
mkdirSync(OUT, { recursive: true });

type Screen = {
	name: string;
	path: string | ((p: Page) => Promise<string>);
	ready: (p: Page) => Promise<void>;
};

/** A drawn map layer has features on screen: a grey map fails here. */
async function layerDrawn(page: Page, layer: string, min = 1): Promise<void> {
	await expect(page.locator('.map canvas').first()).toBeVisible();
	await expect
		.poll(() =>
			page
				.locator('.map')
				.first()
				.evaluate((el, id) => {
					const map = (
						el as HTMLElement & {
							maplibre?: {
								getLayer(id: string): unknown;
								queryRenderedFeatures(o: object): unknown[];
							};
						}
					).maplibre;
					return map?.getLayer?.(id) ? map.queryRenderedFeatures({ layers: [id] }).length : 0;
				}, layer)
		)
		.toBeGreaterThanOrEqual(min);
}

const placesList = (page: Page) =>
	page.getByRole('list', { name: /Places, by name|Steder, efter navn/ });

async function placeId(page: Page, name: string): Promise<string> {
	await openApp(page, '/places');
	await page.getByRole('searchbox').fill(name);
	const href = await placesList(page).getByRole('link').first().getAttribute('href');
	return new URL(href!, 'http://x').searchParams.get('id')!;
}

const DEMO_SCREENS: Screen[] = [
	{
		name: 'list',
		path: '/places',
		ready: (p) =>
			expect(
				p
					.getByRole('list', { name: /Places, by name|Steder, efter navn/ })
					.getByRole('link')
					.first()
			).toBeVisible()
	},
	{
		name: 'place',
		path: async (p) => `/places/view?id=${await placeId(p, 'Mændenes Hjem')}`,
		ready: async (p) => {
			await expect(p.getByRole('heading', { level: 1, name: 'Mændenes Hjem' })).toBeVisible();
			await layerDrawn(p, 'place-page-buffers-fill');
			await layerDrawn(p, 'place-page-places-dot');
		}
	},
	{
		name: 'place-area',
		path: async (p) => `/places/view?id=${await placeId(p, 'Skydebanehaven')}`,
		ready: async (p) => {
			await layerDrawn(p, 'place-page-places-area');
			await expect(p.getByTestId('time-spent')).toBeVisible();
		}
	},
	{
		name: 'edit',
		path: async (p) => `/places/edit?id=${await placeId(p, 'Kødbyen')}`,
		ready: (p) => layerDrawn(p, 'draft-shape-dot')
	},
	{
		name: 'labels',
		path: '/places/labels',
		ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()
	},
	{
		name: 'map',
		path: '/map',
		ready: async (p) => {
			await expect.poll(() => placesDrawn(p)).toBeGreaterThanOrEqual(10);
			await layerDrawn(p, 'glossary-buffers-fill');
		}
	}
];

async function check(page: Page, name: string) {
	await shoot(page, { path: `${OUT}/places-${name}.png` });
	const axe = await runAxe(page);
	const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

for (const locale of ['en-GB', 'da-DK'])
	test.describe(`places screens ${locale}`, () => {
		test.use({ locale });
		test(`look right and pass axe at phone and desktop size (${locale})`, async ({ page }) => {
			test.setTimeout(180_000);
			await startDemoWorkspace(page);
			for (const [size, viewport] of sizesFor(locale)) {
				await page.setViewportSize(viewport);
				for (const screen of DEMO_SCREENS) {
					await visit(
						page,
						typeof screen.path === 'string' ? screen.path : await screen.path(page)
					);
					await screen.ready(page);
					await check(page, `${screen.name}-${size}-${locale}`);
				}
			}

			// Team exchange works in one's own workspace: a package with a conflict, side by side.
			await leaveDemoAnyLanguage(page);
			// The data is set up through the English screens (the driver's words), then shown in both.
			await openApp(page, '/settings');
			await chooseLanguage(page, 'English');
			const dir = mkdtempSync(join(tmpdir(), 'stedsans-screens-'));
			await addPlace(page, { name: 'Trappen', aliases: ['Bagtrappen'], category: 'Hangout' });
			const pkg = await readPackage(await exportTeamPackage(page, dir));
			const place = pkg.records.places!.find((r) => r.name === 'Trappen')!;
			Object.assign(place, {
				name: 'Kirketrappen',
				category: 'using',
				rev: { ...(place.rev as object), OTHERDEVICE: 1 },
				authorId: 'bo',
				deviceId: 'OTHERDEVICE'
			});
			(pkg.madeBy as { displayName: string }).displayName = 'Bo';
			const conflicting = join(dir, 'conflict.json');
			writeFileSync(conflicting, JSON.stringify(pkg));
			// The same place, changed here too: both sides changed it.
			await page.goto('/places');
			await placesList(page).getByRole('link').first().click();
			await page.getByRole('link', { name: /^(Edit|Redigér)$/ }).click();
			await page.getByRole('textbox', { name: /^(Name|Navn)$/ }).fill('Trappen ved kirken');
			await page
				.getByRole('button', { name: /^(Save|Gem)$/ })
				.first()
				.click();
			await expect(
				page.getByRole('heading', { level: 1, name: 'Trappen ved kirken' })
			).toBeVisible();
			if (locale === 'da-DK') {
				await openApp(page, '/settings');
				await chooseLanguage(page, 'Dansk');
			}
			for (const [size, viewport] of sizesFor(locale)) {
				await page.setViewportSize(viewport);
				await openApp(page, '/settings/team');
				await page.getByLabel(/Choose a team package|Vælg en teampakke/).setInputFiles(conflicting);
				await expect(page.getByRole('article')).toBeVisible();
				await page.getByRole('article').scrollIntoViewIfNeeded();
				await check(page, `team-${size}-${locale}`);
			}
		});
	});

/** Leaves the demo workspace whatever the language (driver.ts's verb is English-only). */
async function leaveDemoAnyLanguage(page: Page) {
	if ((await page.locator('html').getAttribute('lang')) === 'en') return leaveDemo(page);
	await page.getByRole('link', { name: 'Forlad eller slet' }).click();
	await page.getByRole('button', { name: 'Tilbage til mit arbejdsområde' }).click();
	await expect(page.getByRole('status')).toContainText('Tilbage i dit eget arbejdsområde.');
}
