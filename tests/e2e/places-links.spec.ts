import { expect, test } from './fixtures';
import { openApp, statusRegion } from './driver';
import { expectSaved, newNote, noteEditor, typeNote } from './notes-driver';
import { addPlace, editPlace, glossaryNames, openPlace } from './places-driver';

test('a note mentions a place by an alias with #, and the place lists the note', async ({
	page
}) => {
	await addPlace(page, {
		name: 'Kødbyen',
		aliases: ['Mekka'],
		category: 'Buying',
		neighbourhood: 'Vesterbro',
		point: { lat: 55.6685, lon: 12.5605, radius: 40 }
	});

	await newNote(page);
	await typeNote(page, 'Vi mødtes ved #mek');
	const menu = page.getByRole('listbox', { name: 'Places' });
	await expect(menu.getByRole('option').first()).toContainText('Mekka');
	await expect(menu.getByRole('option').first()).toContainText('alias of Kødbyen');
	await noteEditor(page).press('Enter');
	await typeNote(page, 'og talte om prisen.');
	await expectSaved(page);
	await expect(noteEditor(page)).toContainText('Vi mødtes ved #Mekka og talte om prisen.');

	// The glossary finds it by alias and without the Danish letters.
	await openApp(page, '/places');
	await page.getByRole('searchbox', { name: /Search places/ }).fill('kodbyen');
	await expect(page.getByRole('list', { name: 'Places, by name' }).getByRole('link')).toHaveCount(
		1
	);
	await page.getByRole('searchbox', { name: /Search places/ }).fill('mekka');
	await expect(page.getByText('also called “Mekka”')).toBeVisible();

	await openPlace(page, 'Mekka', 'Kødbyen');
	const links = page.getByRole('region', { name: 'Where it comes up' });
	await expect(links.getByRole('heading', { name: '1 note' })).toBeVisible();
	await links.getByRole('link', { name: /Vi mødtes ved #Mekka/ }).click();
	await expect(noteEditor(page)).toContainText('#Mekka');
});

test('merging two places keeps both names, the links and the history', async ({ page }) => {
	await addPlace(page, { name: 'Kirketrappen', category: 'Hangout' });
	await addPlace(page, { name: 'Trappen ved kirken', aliases: ['Bagtrappen'] });
	await newNote(page);
	await typeNote(page, 'Mødet ved #bagtr');
	await expect(
		page.getByRole('listbox', { name: 'Places' }).getByRole('option').first()
	).toContainText('Bagtrappen');
	await noteEditor(page).press('Enter');
	await expectSaved(page);

	await openPlace(page, 'Kirketrappen');
	await page.getByRole('button', { name: 'Merge a duplicate…' }).click();
	const picker = page.getByRole('dialog', { name: 'Which place is the same as “Kirketrappen”?' });
	await picker.getByRole('searchbox').fill('trappen ved');
	await picker.getByRole('button', { name: /Trappen ved kirken/ }).click();
	const merge = page.getByRole('dialog', { name: 'Merge a duplicate' });
	await expect(merge).toContainText('“Trappen ved kirken” becomes part of “Kirketrappen”');
	await merge.getByRole('button', { name: 'Merge', exact: true }).click();
	await expect(statusRegion(page)).toContainText(
		'“Trappen ved kirken” merged into “Kirketrappen”: 1 note and 0 stops now link here.'
	);

	const facts = page.getByRole('region', { name: 'About the place' });
	await expect(facts).toContainText('Trappen ved kirken');
	await expect(facts).toContainText('Bagtrappen');
	await expect(
		page.getByRole('region', { name: 'Where it comes up' }).getByRole('heading', { name: '1 note' })
	).toBeVisible();
	await expect(page.getByRole('region', { name: 'History' })).toContainText(
		'from Trappen ved kirken (merged)'
	);
	expect(await glossaryNames(page)).toEqual(['Kirketrappen']);
});

test('a change to a place can be seen in its history and reverted', async ({ page }) => {
	await addPlace(page, { name: 'Bænken', category: 'Hangout', neighbourhood: 'Nordvest' });
	await editPlace(page, 'Bænken', { name: 'Bænken ved Lygten', category: 'Waiting' });
	const history = page.getByRole('region', { name: 'History' });
	// Shown as "Bænken → Bænken ved Lygten"; read out as "changed to".
	await expect(history.getByRole('listitem').first()).toContainText(
		/Name: Bænken\s*→\s*changed to\s*Bænken ved Lygten/
	);
	await expect(history.getByRole('listitem').first()).toContainText(
		/Category: Hangout\s*→\s*changed to\s*Waiting/
	);

	await history.getByRole('button', { name: 'Revert' }).first().click();
	const dialog = page.getByRole('dialog', { name: 'Revert this change?' });
	await dialog.getByRole('button', { name: 'Revert' }).click();
	await expect(statusRegion(page)).toContainText('Change reverted.');
	await expect(page.getByRole('heading', { level: 1, name: 'Bænken', exact: true })).toBeVisible();
	await expect(page.getByRole('region', { name: 'About the place' })).toContainText('Hangout');
	// The revert is itself a change: three entries, newest first.
	await expect(history.locator(':scope > ol > li')).toHaveCount(3);
	await expect(history.getByRole('listitem').first()).toContainText(
		/Name: Bænken ved Lygten\s*→\s*changed to\s*Bænken/
	);
});
