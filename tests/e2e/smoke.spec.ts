import { expect, test } from './fixtures';
import { openApp, PHONE } from './driver';

test('the first screen offers the demo workspace', async ({ page }) => {
	await page.setViewportSize(PHONE);
	await openApp(page);
	await expect(page.getByRole('button', { name: 'Try with demo data' })).toBeVisible();
	await page.screenshot({ path: 'tests/.out/smoke-home.png' });
});
