import { expect, test, type Page } from './fixtures';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertRegion, KK_KVARTERER, openApp, statusRegion } from './driver';
import { dumpBesideUnlock, newNote, typeNote } from './notes-driver';
import {
	addPlace,
	chooseTeamPackage,
	confirmImport,
	exportTeamPackage,
	fillPlace,
	glossaryNames,
	importPreview,
	openPlace,
	placeNameField,
	readPackage
} from './places-driver';

let dir = '';
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'stedsans-input-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ULID = '01JAAAAAAAAAAAAAAAAAAAAAAA';
const HTML_NAME = '<img src=x onerror="window.__xss=1"><b>Mekka</b>';

/** Chooses a file and expects a clear message, no preview, and not one byte written. */
async function refused(
	page: Page,
	file: { name: string; buffer: Buffer },
	message: RegExp | string
) {
	await openApp(page, '/settings/team');
	const before = await dumpBesideUnlock(page);
	await chooseTeamPackage(page, file);
	await expect(alertRegion(page)).toContainText(message);
	await expect(alertRegion(page)).toContainText('Nothing was imported.');
	await expect(importPreview(page)).toHaveCount(0);
	expect(await dumpBesideUnlock(page)).toEqual(before);
}

const json = (name: string, value: unknown) => ({
	name,
	buffer: Buffer.from(JSON.stringify(value))
});

test('bad packages are refused with a clear message and nothing is written', async ({ page }) => {
	test.setTimeout(120_000);
	await addPlace(page, { name: 'Trappen' });
	const good = await readPackage(await exportTeamPackage(page, dir));
	const place = good.records.places![0]!;

	await refused(
		page,
		json('future.json', { ...good, formatVersion: 2 }),
		'This package was made by a newer version of Stedsans (format 2). Update the app'
	);
	await refused(
		page,
		{ name: 'areas.geojson', buffer: readFileSync(KK_KVARTERER) },
		'This file is not a Stedsans team package'
	);
	await refused(
		page,
		{ name: 'notes.txt', buffer: Buffer.from('Feltnoter, ikke en pakke') },
		'This file is not readable JSON'
	);
	await refused(
		page,
		json('dangling.json', {
			...good,
			records: {
				...good.records,
				places: [{ ...place, id: ULID, name: 'Dublet', mergedInto: '01JBBBBBBBBBBBBBBBBBBBBBBB' }]
			}
		}),
		'The package refers to 1 record that is neither in it nor on this device (records.places[0].mergedInto)'
	);
	await refused(
		page,
		json('long.json', {
			...good,
			records: { ...good.records, places: [{ ...place, id: ULID, name: 'x'.repeat(10_000) }] }
		}),
		'The text at records.places[0].name is longer than 200 characters.'
	);
	expect(await glossaryNames(page)).toEqual(['Trappen']);
});

test('a name with HTML in it is stored and shown as text, everywhere', async ({ page }) => {
	await addPlace(page, { name: 'Trappen' });
	const good = await readPackage(await exportTeamPackage(page, dir));
	const place = good.records.places![0]!;
	await chooseTeamPackage(
		page,
		json('html.json', {
			...good,
			records: {
				...good.records,
				places: [{ ...place, id: ULID, name: HTML_NAME, aliases: ['<script>alert(1)</script>'] }]
			}
		})
	);
	await expect(importPreview(page)).toContainText('1 new');
	await confirmImport(page);

	expect(await glossaryNames(page)).toContain(HTML_NAME);
	await openPlace(page, 'mekka', HTML_NAME);
	await expect(page.getByRole('region', { name: 'About the place' })).toContainText(
		'<script>alert(1)</script>'
	);
	await newNote(page);
	await typeNote(page, 'Ved #mek');
	await expect(
		page.getByRole('listbox', { name: 'Places' }).getByRole('option').first()
	).toContainText(HTML_NAME);
	// Nothing in the name became an element or ran.
	expect(await page.locator('main img, main b, main script').count()).toBe(0);
	expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});

test('the place form refuses a 10,000-character name with a clear message and saves nothing', async ({
	page
}) => {
	await openApp(page, '/places/edit?new');
	const before = await dumpBesideUnlock(page);
	await fillPlace(page, { name: 'x'.repeat(10_000) });
	await page.getByRole('button', { name: 'Save' }).first().click();
	await expect(alertRegion(page)).toContainText(
		'The place was not saved: check the marked fields.'
	);
	await expect(page.getByText('At most 200 characters (this has 10000).')).toBeVisible();
	await expect(placeNameField(page)).toHaveAttribute('aria-invalid', 'true');
	expect(await dumpBesideUnlock(page)).toEqual(before);

	await placeNameField(page).fill('');
	await page.getByRole('button', { name: 'Save' }).first().click();
	await expect(page.getByText('A place needs a name.')).toBeVisible();

	await fillPlace(page, { name: HTML_NAME });
	await page.getByRole('button', { name: 'Save' }).first().click();
	await expect(statusRegion(page)).toContainText(`“${HTML_NAME}” saved.`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(HTML_NAME);
	expect(await page.locator('main img, main b').count()).toBe(0);
});
