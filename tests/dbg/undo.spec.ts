import { expect, test } from '@playwright/test';
import { importBoundaries, outlineEntry, statusRegion } from '../e2e/driver';

test('dbg undo', async ({ page }) => {
	page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
	page.on('pageerror', (e) => console.log('pageerror', e.message));
	await importBoundaries(page);
	await outlineEntry(page, 'Vesterbro')
		.getByRole('button', { name: 'Use the approximate outline again' })
		.click();
	await expect(statusRegion(page)).toContainText('Back to the approximate outline.');
	console.log('status html', await statusRegion(page).innerHTML());
	await statusRegion(page).getByRole('button', { name: 'Undo' }).click();
	await page.waitForTimeout(2000);
	console.log('alert', await page.getByRole('alert').innerText());
	console.log('status', await statusRegion(page).innerText());
	console.log(await outlineEntry(page, 'Vesterbro').innerText());
	await page.reload();
	await page.waitForTimeout(1500);
	console.log('after reload', await outlineEntry(page, 'Vesterbro').innerText());
});
