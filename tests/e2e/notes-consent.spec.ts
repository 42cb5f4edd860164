import { expect, test } from './fixtures';
import { openApp } from './driver';
import {
	addParticipant,
	closeNoteDetail,
	expectSaved,
	newNote,
	noteDetails,
	openNoteDetail,
	startDemoWorkspace,
	typeNote
} from './notes-driver';

test.use({
	permissions: ['geolocation'],
	geolocation: { latitude: 55.6705, longitude: 12.559, accuracy: 10 }
});

test('a participant who said no location cannot be on a located note', async ({ page }) => {
	await openApp(page, '/notes');
	const code = await addParticipant(page, { neighbourhood: 'Vesterbro', location: 'No location' });
	expect(code).toBe('VB-001');
	await newNote(page);
	await typeNote(page, 'Ved Halmtorvet');
	const location = await openNoteDetail(page, 'Location');
	await location.getByRole('button', { name: 'Add location' }).click();
	await expect(page.getByTestId('note-location')).toContainText('A grid cell');
	await closeNoteDetail(location);
	const picker = await openNoteDetail(page, 'Participants');
	await picker.getByRole('checkbox', { name: /VB-001/ }).check();
	await picker.getByRole('button', { name: 'Done' }).click();
	await expect(page.getByRole('status')).toContainText(
		"Location removed: a participant's consent does not allow it"
	);
	await expect(
		noteDetails(page).getByRole('button', { name: 'Location: Not allowed' })
	).toBeVisible();
	await expect(noteDetails(page).getByRole('button', { name: /^Neighbourhood/ })).toHaveCount(0);
	await expectSaved(page);
	await page.reload();
	await expect(
		noteDetails(page).getByRole('button', { name: 'Participants: VB-001' })
	).toBeVisible();
	const again = await openNoteDetail(page, 'Location');
	await expect(again.getByText('cannot have a location or neighbourhood')).toBeVisible();
	await expect(again.getByRole('button', { name: 'Add location' })).toHaveCount(0);
});

test('a withdrawn participant leaves the aggregate map, and their records can be deleted and restored', async ({
	page
}) => {
	await startDemoWorkspace(page);
	await page.goto('/map');
	const located = async () =>
		Number(
			(await page.getByText(/located notes in \d+ cells/).innerText()).match(/(\d+) located/)![1]
		);
	// The count is shown once the notes and participants have loaded (withdrawn ones left out).
	await expect(page.getByText(/located notes in \d+ cells/)).toBeVisible({ timeout: 30_000 });
	const before = await located();
	expect(before).toBeGreaterThan(200);

	await page.goto('/notes/participants');
	await page.getByRole('button', { name: 'Withdraw VB-002' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Withdraw' }).click();
	await expect(page.getByRole('status')).toContainText('VB-002 has withdrawn');
	// Withdrawal is one step: the card says what it means, and deleting is offered beside it.
	await expect(page.getByRole('dialog')).toHaveCount(0);
	const card = page.getByRole('listitem').filter({ hasText: 'VB-002' });
	await expect(card).toContainText('Withdrawn');
	await expect(card).toContainText('left out of every heatmap');
	await expect(card).not.toContainText('follow-alongs allowed');
	await card.getByRole('button', { name: 'Delete the records about VB-002' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete their records' }).click();
	await expect(page.getByRole('status')).toContainText(/notes about VB-002 moved to the trash/);
	await page.goto('/notes');
	await page.getByRole('searchbox', { name: 'Search notes' }).fill('VB-002');
	await expect(page.getByTestId('notes-count')).toHaveText(/^0 of/);

	await page.goto('/map');
	// Until the participants have loaded, no one is known to have withdrawn: wait for the drop.
	await expect.poll(located).toBeLessThan(before);
	expect(await located()).toBeGreaterThan(200);

	await page.goto('/settings/trash');
	await expect(
		page
			.getByRole('listitem')
			.filter({ hasText: /^Note from/ })
			.first()
	).toBeVisible();
	await page
		.getByRole('listitem')
		.filter({ hasText: /^Note from/ })
		.first()
		.getByRole('button', { name: 'Restore' })
		.click();
	await expect(page.getByRole('status')).toContainText('Restored');
});
