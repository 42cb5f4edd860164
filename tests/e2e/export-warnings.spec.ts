import { expect, test, type Page } from './fixtures';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBackup, exportDialog, openApp, readBackup } from './driver';
import { expectSaved, newNote, typeNote } from './notes-driver';
import { addPlace, exportTeamPackage } from './places-driver';
import { setForbiddenNames } from './privacy-driver';

let dir = '';
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'stedsans-warn-'));
});
test.afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

/** Counts the files the browser is handed, to prove that nothing was written. */
function countDownloads(page: Page): () => number {
	let n = 0;
	page.on('download', () => n++);
	return () => n;
}

async function noteWith(page: Page, text: string): Promise<void> {
	await openApp(page, '/');
	await newNote(page);
	await typeNote(page, text);
	await expectSaved(page);
}

test('a backup with an identifier lists it before anything is written; Go back writes nothing', async ({
	page
}) => {
	const downloads = countDownloads(page);
	await noteWith(page, 'Vi sad på bænken, og han gav mig sit nummer 23 45 67 89 inden han gik.');

	await openApp(page, '/settings');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const dialog = exportDialog(page);
	await expect(dialog.getByRole('heading', { name: 'Export backup' })).toBeVisible();
	await expect(dialog).toContainText('Found 1 possible identifier (Phone number: 1).');
	const list = dialog.getByRole('list', { name: 'Possible identifiers in this export' });
	const item = list.getByRole('listitem');
	await expect(item).toHaveCount(1);
	await expect(item).toContainText('Phone number');
	await expect(item).toContainText(/Note · .+ · text/);
	await expect(item).toContainText('han gav mig sit nummer 23 45 67 89 inden han gik.');
	await expect(item.locator('mark')).toHaveText('23 45 67 89');
	await expect(dialog).toContainText('Nothing has been written yet.');

	await dialog.getByRole('button', { name: 'Go back' }).click();
	await expect(dialog).toBeHidden();
	expect(downloads()).toBe(0);

	// Open to fix: the link goes to the note.
	await page.getByRole('button', { name: 'Export backup' }).click();
	await dialog.getByRole('link', { name: 'Open to fix' }).click();
	await expect(page).toHaveURL(/\/notes\/edit\?id=/);
	expect(downloads()).toBe(0);

	// Export anyway: then the file is written (encrypted) and holds the note.
	const file = await exportBackup(page, dir, undefined, { anyway: true });
	expect(downloads()).toBe(1);
	const notes = (await readBackup(file)).records.notes!;
	expect(notes.map((n) => n.text)).toContain(
		'Vi sad på bænken, og han gav mig sit nummer 23 45 67 89 inden han gik.'
	);
});

test('a notes export and a team package warn the same way', async ({ page }) => {
	const downloads = countDownloads(page);
	await setForbiddenNames(page, ['Søren Ravn']);
	await noteWith(page, 'Søren Ravn sad alene ved Halmtorvet i dag.');
	await addPlace(page, { name: 'Sørens bænk', aliases: ['Søren Ravns plads'] });

	await test.step('notes as CSV', async () => {
		await openApp(page, '/notes');
		await page.getByText('Export', { exact: true }).click();
		await page.getByRole('button', { name: 'CSV (one row per note)' }).click();
		const dialog = exportDialog(page);
		await expect(dialog).toContainText('Found 1 possible identifier (Listed name: 1).');
		await expect(dialog.getByRole('listitem')).toContainText('sad alene ved Halmtorvet i dag.');
		await dialog.getByRole('button', { name: 'Go back' }).click();
		expect(downloads()).toBe(0);
		await page.getByText('Export', { exact: true }).click();
		await page.getByRole('button', { name: 'CSV (one row per note)' }).click();
		const download = page.waitForEvent('download');
		await dialog.getByRole('button', { name: 'Export anyway' }).click();
		const csv = await download;
		const path = join(dir, csv.suggestedFilename());
		await csv.saveAs(path);
		expect(readFileSync(path, 'utf8')).toContain('Søren Ravn sad alene');
	});

	await test.step('a team package: the place and its alias', async () => {
		await openApp(page, '/settings/team');
		await page.getByRole('button', { name: 'Export for team' }).click();
		const dialog = exportDialog(page);
		await expect(dialog).toContainText('Found 1 possible identifier (Listed name: 1).');
		await expect(dialog.getByRole('listitem')).toContainText('Place · Sørens bænk · other name');
		await dialog.getByRole('button', { name: 'Go back' }).click();
		expect(downloads()).toBe(1);
		await exportTeamPackage(page, dir, { anyway: true });
		expect(downloads()).toBe(2);
	});
});

test('an export with nothing to report says so and goes straight on', async ({ page }) => {
	await noteWith(
		page,
		'Kl. 14.30 sad vi på trappen; 3 betjente kom forbi, en pose kostede 150 kr.'
	);
	await openApp(page, '/settings');
	await page.getByRole('button', { name: 'Export backup' }).click();
	await expect(exportDialog(page)).toContainText('No identifiers found in what will be exported.');
	await expect(
		exportDialog(page).getByRole('radio', { name: 'Encrypt with a passphrase' })
	).toBeChecked();
});
