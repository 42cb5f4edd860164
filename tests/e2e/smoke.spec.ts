import { expect, test } from './fixtures';
import { openApp, PHONE } from './driver';

test('after set-up the first screen starts a note; the demo waits in Settings', async ({
	page
}) => {
	await page.setViewportSize(PHONE);
	await openApp(page);
	await expect(page.getByRole('main').getByRole('link', { name: 'New note' })).toHaveClass(
		/primary/
	);
	await expect(
		page.getByRole('main').getByRole('button', { name: 'Try with demo data' })
	).toHaveCount(0);
	await expect(page.getByRole('main')).toContainText('Settings → Workspace');
	await page.screenshot({ path: 'tests/.out/smoke-home.png' });
});
