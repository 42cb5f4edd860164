import { expect, test, type Page } from './fixtures';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseLanguage, exportBackup, exportDialog, importBackup, openApp, visit } from './driver';
import { expectSaved, newNote, noteEditor, typeNote } from './notes-driver';
import { highlights, namesSection, setForbiddenNames } from './privacy-driver';
import { checkScreen, OUT, sizesFor } from './screens-driver';

/**
 * The screens this issue adds, at phone and desktop size, in English and Danish: the editor with
 * a highlighted identifier, the export warning, the encrypted-export dialog, the passphrase
 * question on import, the names list and the team key in Settings.
 */
const either = (en: string, da: string) => new RegExp(`^(${en}|${da})$`);

async function screens(page: Page, lang: 'en' | 'da', noteUrl: string, encrypted: string) {
	for (const [size, viewport] of sizesFor(lang)) {
		await page.setViewportSize(viewport);
		const shot = (name: string) => `privacy-${name}-${lang}-${size}`;

		await visit(page, noteUrl);
		await expect(highlights(page)).toHaveCount(2);
		await checkScreen(page, shot('editor-hit'), lang, true, false);

		await visit(page, '/settings');
		await page
			.getByRole('button', { name: either('Export backup', 'Eksportér sikkerhedskopi') })
			.click();
		const dialog = exportDialog(page);
		await expect(dialog.getByRole('listitem').first()).toBeVisible();
		await checkScreen(page, shot('export-warning'), lang, true, false);
		await dialog
			.getByRole('button', { name: either('Export anyway', 'Eksportér alligevel') })
			.click();
		await dialog
			.getByRole('button', { name: either('Suggest a passphrase', 'Foreslå en adgangssætning') })
			.click();
		await expect(dialog.getByText(either('Strong enough', 'Stærk nok'))).toBeVisible();
		await checkScreen(page, shot('export-encrypt'), lang, true, false);
		await dialog.getByRole('radio', { name: either('Do not encrypt', 'Kryptér ikke') }).check();
		await checkScreen(page, shot('export-plaintext'), lang, true, false);
		await dialog.getByRole('button', { name: either('Cancel', 'Annullér') }).click();

		await namesSection(page)
			.getByRole('button', { name: either('Show and edit the list', 'Vis og redigér listen') })
			.click();
		await namesSection(page).scrollIntoViewIfNeeded();
		await checkScreen(page, shot('settings-names'), lang);
		await namesSection(page).screenshot({ path: `${OUT}/${shot('settings-names-section')}.png` });
		await namesSection(page)
			.getByRole('button', { name: either('Cancel', 'Annullér') })
			.click();

		const mapSettings = page.getByRole('region', {
			name: either('Map and locations', 'Kort og placeringer')
		});
		await mapSettings.getByText(either('Technical details', 'Tekniske detaljer')).click();
		const basemap = page.getByLabel(
			either('Basemap style URL', 'Adresse på baggrundskortets stil')
		);
		await basemap.fill('https://tiles.example.org/style.json');
		await basemap.press('Enter');
		await expect(mapSettings.locator('.error')).toBeVisible();
		await mapSettings.scrollIntoViewIfNeeded();
		await checkScreen(page, shot('settings-basemap'), lang);
		await mapSettings.screenshot({ path: `${OUT}/${shot('settings-basemap-section')}.png` });

		await visit(page, '/settings/team');
		await page
			.getByRole('button', { name: either('Generate a team key', 'Lav en teamnøgle') })
			.click();
		await expect(page.getByTestId('team-key-new')).toBeVisible();
		await checkScreen(page, shot('team-key'), lang);
		await page
			.getByRole('region', { name: either('Team package key', 'Teamets pakkenøgle') })
			.screenshot({ path: `${OUT}/${shot('team-key-section')}.png` });
		await page.getByRole('button', { name: either('Cancel', 'Annullér') }).click();

		await importBackup(page, encrypted, undefined, visit);
		await expect(page.getByRole('dialog').getByRole('textbox')).toBeVisible();
		await checkScreen(page, shot('import-passphrase'), lang, true, false);
		await page
			.getByRole('dialog')
			.getByRole('button', { name: either('Cancel', 'Annullér') })
			.click();
	}
}

test('the privacy screens look right and pass axe, phone and desktop, English and Danish', async ({
	page
}) => {
	test.setTimeout(600_000);
	mkdirSync(OUT, { recursive: true });
	await openApp(page, '/settings');
	await chooseLanguage(page, 'English');
	await setForbiddenNames(page, ['Søren Ravn']);
	await openApp(page, '/');
	await newNote(page);
	await typeNote(
		page,
		'Mødte Søren Ravn på trappen ved Halmtorvet. Han gav mig sit cpr-nr. 010150-1234 uden at blive spurgt.'
	);
	await expectSaved(page);
	const noteUrl = page.url();
	await expect(noteEditor(page)).toBeVisible();
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-privacy-screens-'));
	try {
		const encrypted = await exportBackup(page, dir, undefined, { anyway: true });
		await screens(page, 'en', noteUrl, encrypted);
		await openApp(page, '/settings');
		await chooseLanguage(page, 'Dansk');
		await screens(page, 'da', noteUrl, encrypted);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
