import { expect, test, type Page } from './fixtures';
import { chooseLanguage, importBoundaries, openApp, outlineEntry } from './driver';

/** 3 March 2026, 13:05 UTC: 14:05 in Copenhagen (CET), 08:05 in New York. */
const MOMENT = new Date(Date.UTC(2026, 2, 3, 13, 5));

function navLink(page: Page, name: string) {
	return page.getByRole('navigation').getByRole('link', { name, exact: true });
}

test.describe('a Danish browser', () => {
	test.use({ locale: 'da-DK' });

	test('shows the navigation and Settings in Danish', async ({ page }) => {
		await openApp(page, '/settings');
		await expect(page.locator('html')).toHaveAttribute('lang', 'da');
		await expect(navLink(page, 'Indstillinger')).toBeVisible();
		await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Din profil' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Eksportér sikkerhedskopi' })).toBeVisible();
		await expect(navLink(page, 'Settings')).toHaveCount(0);
	});
});

test.describe('an English browser', () => {
	test.use({ locale: 'en-US' });

	test('shows the navigation and Settings in English', async ({ page }) => {
		await openApp(page, '/settings');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(navLink(page, 'Settings')).toBeVisible();
		await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
		await expect(navLink(page, 'Indstillinger')).toHaveCount(0);
	});

	test('switching the language in Settings changes the app at once and sticks', async ({
		page
	}) => {
		await openApp(page, '/settings');
		await expect(page).toHaveTitle('Settings · Stedsans');
		await chooseLanguage(page, 'Dansk');
		await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
		// The page title (the tab, the app switcher, a screen reader's first words) switches too.
		await expect(page).toHaveTitle('Indstillinger · Stedsans');
		await expect(navLink(page, 'Indstillinger')).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'da');

		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
		await expect(page.getByRole('radio', { name: 'Dansk', exact: true })).toBeChecked();

		await chooseLanguage(page, 'English');
		await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	});
});

test.describe('dates', () => {
	test('are shown in Copenhagen time on a device in Copenhagen', async ({ page }) => {
		await page.clock.setFixedTime(MOMENT);
		await importBoundaries(page);
		await expect(outlineEntry(page, 'Nordvest')).toContainText(
			'Imported from kk_kvarterer_subset_4326.geojson, 3 Mar 2026, 14:05.'
		);
		await chooseLanguage(page, 'Dansk');
		await expect(outlineEntry(page, 'Nordvest')).toContainText(
			/Importeret fra kk_kvarterer_subset_4326\.geojson, 3\. mar\. 2026.* 14\.05\./
		);
	});

	test.describe('on a device in New York', () => {
		test.use({ timezoneId: 'America/New_York' });

		test('are still Copenhagen time, with the zone written out', async ({ page }) => {
			await page.clock.setFixedTime(MOMENT);
			await importBoundaries(page);
			await expect(outlineEntry(page, 'Nordvest')).toContainText(
				/Imported from kk_kvarterer_subset_4326\.geojson, 3 Mar 2026, 14:05 (CET|GMT\+1)\./
			);
			await expect(outlineEntry(page, 'Nordvest')).not.toContainText('08:05');
		});
	});
});
