import { runAxe } from './axe';
import { expect, test, type Page } from './fixtures';
import { mkdirSync } from 'node:fs';
import { visit } from './driver';
import { startDemoWorkspace } from './notes-driver';
import { shoot, sizesFor } from './screens-driver';

const OUT = 'tests/.out/screens';
mkdirSync(OUT, { recursive: true });

const SCREENS = [
	{
		name: 'notes',
		path: '/notes',
		ready: (p: Page) => expect(p.getByRole('article').first()).toBeVisible()
	},
	{
		name: 'editor',
		path: '/notes/edit?new',
		ready: (p: Page) => expect(p.getByRole('textbox').first()).toBeVisible()
	},
	{
		name: 'map',
		path: '/map',
		ready: async (p: Page) => {
			await expect(p.locator('.map canvas')).toBeVisible();
			await expect
				.poll(() =>
					p.locator('.map').evaluate((el) => {
						const map = (
							el as HTMLElement & { maplibre?: { queryRenderedFeatures(o: object): unknown[] } }
						).maplibre;
						return map?.queryRenderedFeatures({ layers: ['note-cells-fill'] }).length ?? 0;
					})
				)
				.toBeGreaterThan(5);
		}
	},
	{
		name: 'participants',
		path: '/notes/participants',
		ready: (p: Page) => expect(p.getByText('VB-001')).toBeVisible()
	},
	{
		name: 'codebook',
		path: '/notes/codebook',
		ready: (p: Page) => expect(p.getByRole('listitem').first()).toBeVisible()
	}
];

for (const locale of ['en-GB', 'da-DK'])
	test.describe(`notes screens ${locale}`, () => {
		test.use({ locale });
		test(`look right and pass axe at phone and desktop size (${locale})`, async ({ page }) => {
			test.setTimeout(120_000);
			await startDemoWorkspace(page);
			for (const [size, viewport] of sizesFor(locale)) {
				await page.setViewportSize(viewport);
				for (const screen of SCREENS) {
					await visit(page, screen.path);
					await screen.ready(page);
					await shoot(page, { path: `${OUT}/notes-${screen.name}-${size}-${locale}.png` });
					const axe = await runAxe(page);
					const bad = axe.violations.filter(
						(v) => v.impact === 'serious' || v.impact === 'critical'
					);
					expect(
						bad.map((v) => `${screen.name}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)
					).toEqual([]);
				}
			}
		});
	});
