import { expect, test } from './fixtures';
import { openApp, statusRegion } from './driver';
import { expectSaved, newNote, noteEditor, openNoteDetail, typeNote } from './notes-driver';
import { placeNameField } from './places-driver';
import {
	highlights,
	identifierList,
	namesSection,
	redact,
	setForbiddenNames
} from './privacy-driver';

test('a CPR number, a phone number and a listed name are highlighted as they are typed, and Redact removes each', async ({
	page
}) => {
	await setForbiddenNames(page, ['Søren Ravn', 'Mette']);
	await newNote(page);
	await typeNote(
		page,
		'Mødte Søren Ravn ved trappen. Cpr 010150-1234, tlf. 23 45 67 89. Kl. 14.30 gik vi.'
	);
	await expect(highlights(page)).toHaveText(['Søren Ravn', '010150-1234', '23 45 67 89']);
	await expect(identifierList(page)).toContainText('3 possible identifiers in the text');
	await expect(identifierList(page)).toContainText('CPR number');

	await test.step('one tap on Redact', async () => {
		await redact(page, 'CPR number', '010150-1234');
		await expect(noteEditor(page)).toContainText('Cpr [CPR], tlf. 23 45 67 89');
		await expect(statusRegion(page)).toContainText('CPR number redacted.');
	});

	await test.step('from the keyboard alone', async () => {
		const button = identifierList(page).getByRole('button', {
			name: 'Redact Phone number 23 45 67 89'
		});
		await button.focus();
		await page.keyboard.press('Enter');
		await expect(noteEditor(page)).toContainText('tlf. [phone].');
	});

	await redact(page, 'Listed name', 'Søren Ravn');
	await expect(highlights(page)).toHaveCount(0);
	await expect(identifierList(page)).toHaveCount(0);
	await expectSaved(page);

	await test.step('the saved note holds the placeholders, not the identifiers', async () => {
		const url = page.url();
		await page.goto('/notes');
		await page.goto(url);
		await expect(noteEditor(page)).toHaveText(
			'Mødte [name] ved trappen. Cpr [CPR], tlf. [phone]. Kl. 14.30 gik vi.'
		);
		await expect(highlights(page)).toHaveCount(0);
	});
});

test('a name added to the list is found in text already written, and Undo brings a redaction back', async ({
	page
}) => {
	await openApp(page, '/');
	await newNote(page);
	await typeNote(page, 'Han hedder Kasper og bor hos sin mor.');
	await expect(highlights(page)).toHaveCount(0);
	await expectSaved(page);
	const url = page.url();
	await setForbiddenNames(page, ['Kasper']);
	await page.goto(url);
	await expect(highlights(page)).toHaveText(['Kasper']);
	await redact(page, 'Listed name', 'Kasper');
	await expect(noteEditor(page)).toHaveText('Han hedder [name] og bor hos sin mor.');
	await statusRegion(page).getByRole('button', { name: 'Undo' }).click();
	await expect(noteEditor(page)).toHaveText('Han hedder Kasper og bor hos sin mor.');
});

test('the names list is kept in the workspace, never in localStorage, and is hidden until asked for', async ({
	page
}) => {
	await setForbiddenNames(page, ['Søren Ravn', 'søren ravn', 'Anne-Marie']);
	await page.reload();
	await expect(namesSection(page)).toContainText('2 names on the list.');
	await expect(namesSection(page)).not.toContainText('Søren');
	const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
	expect(stored).not.toContain('Søren');
	expect(stored).not.toContain('Anne-Marie');
	await namesSection(page).getByRole('button', { name: 'Show and edit the list' }).click();
	await expect(namesSection(page).getByLabel('Names, one a line')).toHaveValue(
		'Søren Ravn\nAnne-Marie'
	);
});

test('fields with free text warn too: a place name, a note’s place, a participant code', async ({
	page
}) => {
	await openApp(page, '/places/edit');
	await placeNameField(page).fill('Bænken hvor 23456789 sidder');
	const warning = page.locator('#place-name-ids');
	await expect(warning).toContainText('Phone number: 23456789');
	await expect(placeNameField(page)).toHaveAttribute('aria-describedby', /place-name-ids/);
	await warning.getByRole('button', { name: 'Redact' }).click();
	await expect(placeNameField(page)).toHaveValue('Bænken hvor [phone] sidder');
	await expect(warning).toBeHidden();

	// An institution's public address is not an identifier; anyone else's is.
	await placeNameField(page).fill('Istedgade 45');
	await expect(warning).toContainText('Street address: Istedgade 45');
	await page.getByRole('checkbox', { name: 'This place is an institution' }).check();
	await expect(warning).toBeHidden();

	await openApp(page, '/');
	await newNote(page);
	const placeLabel = (await openNoteDetail(page, 'Place')).getByLabel('Place', { exact: true });
	await placeLabel.fill('hos ole@example.dk');
	await expect(page.locator('#place-label-ids')).toContainText('E-mail address: ole@example.dk');

	await openApp(page, '/notes/participants');
	await page.getByRole('button', { name: 'Add participant' }).click();
	const code = page.getByLabel('Code', { exact: true });
	await code.fill('0101501234');
	await expect(page.locator('#code-ids')).toContainText('CPR number: 0101501234');
	await page.locator('#code-ids').getByRole('button', { name: 'Redact' }).click();
	await expect(code).toHaveValue('');
});
