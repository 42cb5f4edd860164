import { expect, test } from './fixtures';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_HOST, expectDisplayName, launchProfile, setDisplayName } from './driver';

test('what I wrote is still there when I close the page and open the app again', async ({
	page,
	context
}) => {
	await setDisplayName(page, 'Åse Kirkegaard');
	await page.close();

	const again = await context.newPage();
	await expectDisplayName(again, 'Åse Kirkegaard');
});

test('what I wrote survives closing the browser and starting it again', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-profile-'));
	try {
		const first = await launchProfile(dir);
		await setDisplayName(first.page, 'MK');
		await first.context.close();
		// The database is on disk in the profile, not only in the browser's memory.
		const idb = join(dir, 'Default', 'IndexedDB');
		expect(
			existsSync(idb) &&
				readdirSync(idb).some((d) => d.startsWith(`http_${APP_HOST.replace(':', '_')}`))
		).toBe(true);

		const second = await launchProfile(dir);
		await expectDisplayName(second.page, 'MK');
		await second.context.close();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
