import { runAxe } from './axe';
import { expect, test, type Page } from './fixtures';
import { mkdirSync } from 'node:fs';
import { visit } from './driver';
import { allowPosition, expectLayerDrawn, HALMTORVET, walk } from './follow-driver';
import { startDemoWorkspace } from './notes-driver';
import { shoot, sizesFor } from './screens-driver';

const OUT = 'tests/.out/screens';
mkdirSync(OUT, { recursive: true });

async function axe(page: Page, screen: string): Promise<void> {
	const result = await runAxe(page);
	const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${screen}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
		[]
	);
}

/** The newest recorded demo day with proposed stops, and one with confirmed, described stops. */
async function demoDays(page: Page): Promise<{ proposed: string; described: string }> {
	await page.goto('/follow');
	// Recorded days only: the demo also has days sketched by hand, with no recorded route.
	const links = page
		.getByRole('list', { name: /Follow-along days|Følgedage/ })
		.getByRole('link')
		.filter({ hasText: /Recorded by GPS|Optaget med GPS/ });
	await expect(links.first()).toBeVisible();
	const proposed = await links.first().getAttribute('href');
	const described = await links.nth(3).getAttribute('href');
	return { proposed: proposed!, described: described! };
}

for (const locale of ['en-GB', 'da-DK'])
	test.describe(`follow-along screens ${locale}`, () => {
		test.use({ locale });
		test(`look right and pass axe at phone and desktop size (${locale})`, async ({
			context,
			page
		}) => {
			test.setTimeout(240_000);
			await startDemoWorkspace(page);
			const days = await demoDays(page);
			const screens: { name: string; path: string; ready: (p: Page) => Promise<void> }[] = [
				{
					name: 'list',
					path: '/follow',
					// The participant codes come from the lookups, which may load after the days.
					ready: (p) =>
						expect(p.getByRole('main').getByRole('listitem').first()).toContainText(
							/[A-Z]{2}-\d{3}/
						)
				},
				{
					name: 'start',
					path: '/follow/start',
					ready: (p) => expect(p.locator('#fa-participant')).toBeVisible()
				},
				{
					name: 'day',
					path: days.described,
					ready: async (p) => {
						await expectLayerDrawn(p, 'day-route-recorded');
						await expectLayerDrawn(p, 'day-stops-stop');
					}
				},
				{
					name: 'day-proposed',
					path: days.proposed,
					ready: (p) => expectLayerDrawn(p, 'day-route-recorded')
				},
				{
					name: 'replay',
					path: days.described.replace('/follow/day', '/follow/replay'),
					ready: async (p) => {
						await expectLayerDrawn(p, 'replay-route-recorded');
						const slider = p.locator('#replay-time');
						const min = Number(await slider.getAttribute('min'));
						const max = Number(await slider.getAttribute('max'));
						await slider.fill(String(Math.round(min + (max - min) * 0.45)));
						await expect(p.getByTestId('replay-marker')).toHaveAttribute('data-drawn', 'true');
						// The day's notes are on the map where they were written, and its stops
						// are numbered there as in the list beside it.
						await expectLayerDrawn(p, 'replay-notes-note');
						await expect(p.locator('.st-stop-label').first()).toContainText('1');
						await expect(p.getByTestId('replay-stops').getByRole('listitem')).toHaveCount(
							await p.locator('.st-stop-label').count()
						);
					}
				},
				{
					name: 'summary-across-days',
					path: '/follow/summary',
					ready: async (p) => {
						await p.getByRole('button', { name: /^(Summarise|Opsummér)$/ }).click();
						await expect(p.getByTestId('period-summary').getByRole('table').first()).toBeVisible({
							timeout: 60_000
						});
					}
				},
				{
					name: 'sketch',
					path: days.described.replace('/follow/day', '/follow/sketch'),
					ready: (p) => expectLayerDrawn(p, 'sketch-base-route-recorded')
				}
			];
			for (const [size, viewport] of sizesFor(locale)) {
				await page.setViewportSize(viewport);
				for (const screen of screens) {
					await visit(page, screen.path);
					await screen.ready(page);
					await shoot(page, { path: `${OUT}/follow-${screen.name}-${size}-${locale}.png` });
					await axe(page, screen.name);
				}
				// The import dialog, open over the list.
				await visit(page, '/follow');
				await page.getByRole('button', { name: /Import GPX|Importér GPX/ }).click();
				await expect(page.getByRole('dialog')).toBeVisible();
				await shoot(page, { path: `${OUT}/follow-import-${size}-${locale}.png` });
				await axe(page, 'import');
				await page.keyboard.press('Escape');
				// Settings: the follow-along section.
				await visit(page, '/settings');
				const section = page.getByRole('region', { name: /Follow-alongs|Følgedage/ });
				await section.scrollIntoViewIfNeeded();
				await shoot(page, { path: `${OUT}/follow-settings-${size}-${locale}.png` });
				await axe(page, 'settings');
			}

			// Recording: a day in progress with a few positions, at both sizes.
			await allowPosition(context);
			await page.goto('/follow/start');
			await page.locator('#fa-participant').selectOption({ label: 'VB-001' });
			await page.locator('form.details button[type=submit]').click();
			await page.waitForURL(/\/follow\/day\?id=/);
			await walk(context, page, HALMTORVET, 16);
			await expectLayerDrawn(page, 'day-route-recorded').catch(() => {});
			for (const [size, viewport] of sizesFor(locale)) {
				await page.setViewportSize(viewport);
				await page.reload();
				await expect(page.getByTestId('recording-panel')).toBeVisible();
				await expectLayerDrawn(page, 'day-route-recorded');
				await shoot(page, { path: `${OUT}/follow-recording-${size}-${locale}.png` });
				await axe(page, 'recording');
			}
		});
	});
