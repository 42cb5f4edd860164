import { expect, test } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	alertRegion,
	databaseNames,
	demoBanner,
	displayNameField,
	exportBackup,
	exportedRecords,
	importBackup,
	importBoundaries,
	leaveDemo,
	openApp,
	setDisplayName,
	startDemo,
	TEST_PASSPHRASE,
	wipeDemo
} from './driver';

let dir: string;
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'stedsans-demo-'));
});
test.afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

test('Try with demo data opens a separate, clearly labelled workspace and leaves mine as it was', async ({
	page
}) => {
	await setDisplayName(page, 'Jonas Vang');
	await importBoundaries(page);
	const mine = await exportedRecords(page, dir);

	await startDemo(page);
	await expect(demoBanner(page)).toContainText('Demo workspace');
	await expect(demoBanner(page)).toContainText(
		'Synthetic data, not encrypted — do not write real field notes here.'
	);
	await expect(page.getByRole('status')).toContainText('The demo workspace is ready.');

	// The demo has its own data, and stays the demo on every screen and after a reload.
	await openApp(page, '/settings');
	await expect(demoBanner(page)).toBeVisible();
	await expect(page.getByText('You are in the demo workspace.')).toBeVisible();
	await expect(displayNameField(page)).toHaveValue(/\(demo\)$/);
	await page.reload();
	await expect(demoBanner(page)).toBeVisible();
	const demoBackup = await exportBackup(page, dir);
	expect(demoBackup).toMatch(/stedsans-demo-backup-[\d-]+\.stedsans$/);

	await leaveDemo(page);
	await expect(page.getByText('You are working in your own workspace.')).toBeVisible();
	await expect(displayNameField(page)).toHaveValue('Jonas Vang');

	// The demo's backup is refused by my own workspace: synthetic records never join field data.
	await importBackup(page, demoBackup, TEST_PASSPHRASE);
	await expect(alertRegion(page)).toContainText(
		'This backup is of the demo workspace: its records are synthetic'
	);
	await expect(alertRegion(page)).toContainText('Nothing was imported.');
	expect(await exportedRecords(page, dir)).toEqual(mine);
});

test('Wipe demo data removes the demo workspace in one action', async ({ page }) => {
	await setDisplayName(page, 'Jonas Vang');
	const mine = await exportedRecords(page, dir);
	await startDemo(page);
	expect(await databaseNames(page)).toContain('stedsans-demo');

	await wipeDemo(page);
	expect(await databaseNames(page)).not.toContain('stedsans-demo');
	await openApp(page, '/settings');
	await expect(demoBanner(page)).toBeHidden();
	await expect(displayNameField(page)).toHaveValue('Jonas Vang');
	expect(await exportedRecords(page, dir)).toEqual(mine);
});
