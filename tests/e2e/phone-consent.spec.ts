import { expect, test } from './fixtures';
import { openApp, PHONE } from './driver';
import {
	closeNoteDetail,
	expectSaved,
	newNote,
	noteDetails,
	noteEditor,
	openNoteDetail,
	typeNote
} from './notes-driver';

test.use({ viewport: PHONE });

test('a new participant agrees to nothing until consent is recorded with its date and form; changes are kept', async ({
	page
}) => {
	await openApp(page, '/notes/participants');
	await page.getByRole('button', { name: 'Add participant' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('radio', { name: 'Vesterbro', exact: true }).check();
	await expect(dialog.getByLabel('Code', { exact: true })).toHaveValue('VB-001');
	await dialog.getByLabel('Code', { exact: true }).fill('VB-014');
	// Everything is off until the researcher turns it on.
	await expect(dialog.getByRole('radio', { name: 'No location', exact: true })).toBeChecked();
	await expect(dialog.getByLabel('Follow-alongs may be recorded')).not.toBeChecked();
	await expect(dialog.getByLabel('Their data may enter aggregate maps')).not.toBeChecked();
	// Granting a scope without saying when and how is refused, beside the form.
	await dialog.getByLabel('Their data may enter aggregate maps').check();
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(dialog.getByRole('alert')).toContainText('Record the date');
	await dialog.getByLabel('Date given').fill('2026-01-05');
	await dialog.getByRole('radio', { name: 'Oral', exact: true }).check();
	await dialog.getByLabel('Information sheet version').fill('v3');
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText('VB-014 saved');
	const card = page.getByRole('listitem').filter({ hasText: 'VB-014' });
	await expect(card).toContainText('Consent given 5 January 2026, oral · sheet v3');
	await expect(card).toContainText('in aggregate maps');

	// The next code follows the series, after the highest.
	await page.getByRole('button', { name: 'Add participant' }).click();
	await expect(dialog.getByRole('radio', { name: 'Vesterbro', exact: true })).toBeChecked();
	await expect(dialog.getByLabel('Code', { exact: true })).toHaveValue('VB-015');
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText('VB-015 saved');
	// Saved with nothing granted, so its consent has no date: Settings lists it.
	await expect(page.getByRole('listitem').filter({ hasText: 'VB-015' })).toContainText(
		'Consent has no date'
	);

	// A change of consent is kept with the one before it.
	await page.getByRole('button', { name: 'Edit VB-014' }).click();
	await dialog.getByRole('radio', { name: 'Neighbourhood only', exact: true }).check();
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText('VB-014 saved');
	await page.getByRole('button', { name: 'Edit VB-014' }).click();
	await dialog.getByText('Consent history (2)').click();
	await expect(dialog.getByRole('listitem')).toHaveCount(2);
	await dialog.getByRole('button', { name: 'Cancel' }).click();

	await openApp(page, '/settings');
	const section = page.getByRole('region', { name: 'Consent without a date' });
	await expect(section).toContainText('VB-015');
	await expect(section).not.toContainText('VB-014');
});

test('@ and Add participants offer to create a participant that does not exist yet, and link it', async ({
	page
}) => {
	await openApp(page, '/notes');
	await newNote(page);
	await expect(page.getByText('@ participant · # place')).toBeVisible();
	await typeNote(page, 'Mødte @VB-014');
	await page.getByRole('option', { name: 'Create VB-014 …' }).click();
	const dialog = page.getByRole('dialog', { name: 'New participant VB-014' });
	await expect(dialog.getByLabel('Code', { exact: true })).toHaveValue('VB-014');
	await expect(dialog.getByRole('radio', { name: 'Vesterbro', exact: true })).toBeChecked();
	await expect(dialog.getByLabel('Their data may enter aggregate maps')).not.toBeChecked();
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(dialog).toBeHidden();
	await expect(noteEditor(page).locator('.mention')).toHaveText('@VB-014');
	const participants = () => noteDetails(page).getByRole('button', { name: /^Participants: / });
	await expect(participants()).toHaveAccessibleName('Participants: VB-014');
	await expectSaved(page);

	const picker = await openNoteDetail(page, 'Participants');
	await picker.getByRole('searchbox').fill('nv-003');
	await page.getByRole('button', { name: 'Create NV-003 …' }).click();
	const second = page.getByRole('dialog', { name: 'New participant NV-003' });
	await expect(second.getByRole('radio', { name: 'Nordvest', exact: true })).toBeChecked();
	await second.getByRole('button', { name: 'Save' }).click();
	await expect(participants()).toHaveAccessibleName('Participants: VB-014, NV-003');
	await expectSaved(page);
	await page.reload();
	await expect(participants()).toHaveAccessibleName('Participants: VB-014, NV-003');
});

test('the Place field suggests glossary places and creates one from what was typed', async ({
	page
}) => {
	await openApp(page, '/notes');
	await newNote(page);
	await typeNote(page, 'Ved bænkene');
	let dialog = await openNoteDetail(page, 'Place');
	const place = dialog.getByLabel('Place', { exact: true });
	await place.fill('Halmtorvet');
	const suggestions = page.getByRole('list', { name: 'Places in the glossary' });
	await suggestions.getByRole('button', { name: 'Add “Halmtorvet” to the glossary' }).click();
	await expect(page.getByRole('status')).toContainText('Halmtorvet added to the glossary');
	const linked = page.getByRole('group', { name: 'Linked places' });
	await expect(linked).toContainText('Halmtorvet');
	await closeNoteDetail(dialog);
	await expect(noteDetails(page).getByRole('button', { name: 'Place: Halmtorvet' })).toBeVisible();
	await expectSaved(page);

	await openApp(page, '/notes');
	await newNote(page);
	await typeNote(page, 'Igen');
	dialog = await openNoteDetail(page, 'Place');
	await dialog.getByLabel('Place', { exact: true }).fill('halm');
	await suggestions.getByRole('button', { name: /Halmtorvet/ }).click();
	await expect(page.getByRole('group', { name: 'Linked places' })).toContainText('Halmtorvet');
	await expect(dialog.getByLabel('Place', { exact: true })).toHaveValue('Halmtorvet');
	await expectSaved(page);
	await page.reload();
	await openNoteDetail(page, 'Place');
	await expect(page.getByRole('group', { name: 'Linked places' })).toContainText('Halmtorvet');
});
