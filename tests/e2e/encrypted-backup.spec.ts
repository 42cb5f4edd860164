import { expect, test } from './fixtures';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	alertRegion,
	answerPassphrase,
	eraseWorkspace,
	exportBackup,
	exportDialog,
	exportedRecords,
	importBackup,
	openApp,
	readBackup,
	statusRegion,
	withoutSecrets
} from './driver';
import { expectSaved, newNote, typeNote } from './notes-driver';
import { setForbiddenNames } from './privacy-driver';

const PASSPHRASE = 'velvet quarry thimble orbit';
const MARKER = 'Kragereden-markør ved kanalen';

let dir = '';
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'stedsans-enc-'));
});
test.afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

test('an encrypted backup: exported with a passphrase, wiped, refused with a wrong one, restored with the right one', async ({
	page
}) => {
	test.setTimeout(120_000);
	await setForbiddenNames(page, ['Kasper']);
	await openApp(page, '/');
	await newNote(page);
	await typeNote(page, MARKER);
	await expectSaved(page);

	const file = await exportBackup(page, dir, { passphrase: PASSPHRASE });
	const text = readFileSync(file, 'utf8');
	expect(JSON.parse(text)).toMatchObject({ format: 'stedsans-envelope', kind: 'backup' });
	expect(text).not.toContain('Kragereden');
	expect(text).not.toContain('Kasper');
	const before = (await readBackup(file, PASSPHRASE)).records;

	await eraseWorkspace(page);
	const wiped = await exportedRecords(page, dir);
	expect(wiped.notes ?? []).toEqual([]);

	await test.step('a wrong passphrase: a clear message, the dialog stays, nothing is written', async () => {
		await importBackup(page, file, 'velvet quarry thimble');
		const dialog = page.getByRole('dialog');
		await expect(dialog.getByRole('alert')).toHaveText(
			'That passphrase does not open this file. Check it and try again. Nothing was imported.'
		);
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(statusRegion(page)).not.toContainText('Backup imported');
		expect(await exportedRecords(page, dir)).toEqual(wiped);
	});

	await test.step('the right passphrase: every record back', async () => {
		await importBackup(page, file, PASSPHRASE);
		await expect(statusRegion(page)).toContainText('Backup imported:');
		const after = await exportedRecords(page, dir);
		expect(after.notes).toEqual(withoutSecrets(before).notes);
		expect(after.ethnographers).toEqual(before.ethnographers);
		await openApp(page, '/notes');
		await expect(page.getByText(MARKER)).toBeVisible();
	});

	await test.step('the names list came back inside the encrypted file', async () => {
		await openApp(page, '/settings');
		await expect(page.getByText('1 name on the list.')).toBeVisible();
	});
});

test('a changed encrypted backup is refused as damaged, and nothing is written', async ({
	page
}) => {
	await openApp(page, '/');
	await newNote(page);
	await typeNote(page, MARKER);
	await expectSaved(page);
	const file = await exportBackup(page, dir, { passphrase: PASSPHRASE });
	// The file is sealed in chunks (envelope version 2): one character of the first is changed.
	const json = JSON.parse(readFileSync(file, 'utf8')) as { chunks: string[] };
	const at = 100;
	const chunk = json.chunks[0]!;
	json.chunks[0] = chunk.slice(0, at) + (chunk[at] === 'A' ? 'B' : 'A') + chunk.slice(at + 1);
	const before = await exportedRecords(page, dir);
	await importBackup(page, { name: 'changed.stedsans', buffer: Buffer.from(JSON.stringify(json)) });
	await answerPassphrase(page, PASSPHRASE);
	await expect(alertRegion(page)).toHaveText(
		'This encrypted file is damaged or was changed after it was made. Nothing was imported.'
	);
	expect(await exportedRecords(page, dir)).toEqual(before);
});

test('a plaintext backup needs the worded confirmation, and leaves the names list out', async ({
	page
}) => {
	await setForbiddenNames(page, ['Kasper']);
	await openApp(page, '/settings');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const dialog = exportDialog(page);
	const button = dialog.getByRole('button', { name: 'Export backup', exact: true });
	// Encrypted is the default: the button waits for a strong passphrase.
	await expect(dialog.getByRole('radio', { name: 'Encrypt with a passphrase' })).toBeChecked();
	await expect(button).toBeDisabled();
	await dialog.getByLabel('Passphrase for this file').fill('Password123!');
	await dialog.getByLabel('Passphrase again').fill('Password123!');
	await expect(dialog.getByText(/^Too weak/)).toBeVisible();
	await expect(button).toBeDisabled();

	await dialog.getByRole('radio', { name: 'Do not encrypt' }).check();
	await expect(button).toBeDisabled();
	const confirm = dialog.getByRole('checkbox', {
		name: 'I understand this file is not encrypted and anyone who gets it can read it.'
	});
	await expect(confirm).not.toBeChecked();
	await confirm.check();
	await expect(button).toBeEnabled();
	const download = page.waitForEvent('download');
	await button.click();
	const file = await download;
	await expect(statusRegion(page)).toContainText(/Backup of \d+ records saved/);
	expect(file.suggestedFilename()).toMatch(/\.json$/);
	const path = join(dir, file.suggestedFilename());
	await file.saveAs(path);
	const doc = JSON.parse(readFileSync(path, 'utf8'));
	expect(doc).toMatchObject({
		format: 'stedsans-backup',
		leftOut: ['forbiddenNames', 'teamPackageKey']
	});
	expect(readFileSync(path, 'utf8')).not.toContain('Kasper');
});

test('Suggest a passphrase fills a strong one that can be read and written down', async ({
	page
}) => {
	await openApp(page, '/settings');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const dialog = exportDialog(page);
	await dialog.getByRole('button', { name: 'Suggest a passphrase' }).click();
	await expect(dialog.getByText('Strong enough')).toBeVisible();
	const suggested = await dialog.getByLabel('Passphrase for this file').inputValue();
	expect(suggested.split(' ')).toHaveLength(5);
	await expect(dialog.getByLabel('Passphrase for this file')).toHaveAttribute('type', 'text');
	await expect(dialog).toContainText('Write the passphrase down now');
	await expect(dialog.getByRole('button', { name: 'Export backup', exact: true })).toBeEnabled();
});
