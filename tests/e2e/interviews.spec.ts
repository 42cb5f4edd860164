import { expect, test } from './fixtures';
import { runAxe } from './axe';
import { goOffline, openApp, PHONE, waitForServiceWorker } from './driver';
import { addParticipant } from './notes-driver';
import { addPlace } from './places-driver';
import { interviewMap, nameFromGlossary, nameOnMap, startInterview } from './interview-driver';

test.use({ viewport: PHONE, serviceWorkers: 'allow' });

test('an interview offline with five places named from the map and the glossary, then its places on the participant’s page', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	const code = await addParticipant(page, { neighbourhood: 'Vesterbro', code: 'VB-021' });
	await addPlace(page, {
		name: 'Kirkens Korshær',
		aliases: ['Korshæren'],
		point: { lat: 55.6702, lon: 12.5566, radius: 30 }
	});
	await addPlace(page, { name: 'Enghave Plads', point: { lat: 55.6672, lon: 12.5456 } });
	await openApp(page, '/notes/participants');
	await waitForServiceWorker(page);
	await goOffline(page, context);
	await page.reload();

	await startInterview(page, code);
	await expect(interviewMap(page).locator('canvas')).toBeVisible();
	await expect(page.getByText('Where did you sleep last night?')).toBeVisible();
	await page.getByRole('button', { name: 'Next prompt' }).click();
	await expect(page.getByText('Where do you spend the afternoons?')).toBeVisible();

	await nameOnMap(page, -60, -40, 'Sleep');
	await nameOnMap(page, 70, 30, 'Hang out');
	await nameOnMap(page, 0, 90, 'Buy');
	await nameFromGlossary(page, 'korshær', 'Korshæren', 'Get help');
	await nameFromGlossary(page, 'enghave', 'Enghave Plads', 'Meet people');

	const rows = page.getByRole('button', { name: /at \d+:\d\d/ });
	await expect(rows).toHaveCount(5);
	await expect(rows.nth(3)).toContainText('Kirkens Korshær');

	// An answer's attributes, from the sheet of large buttons.
	await rows.first().click();
	const sheet = page.getByRole('dialog', { name: 'About this place' });
	await sheet.getByRole('button', { name: 'Daily' }).click();
	await expect(sheet.getByRole('button', { name: 'Daily' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await sheet.getByRole('button', { name: 'Night' }).click();
	await expect(sheet.getByRole('button', { name: 'Night' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	// Deleted, then back with Undo.
	await sheet.getByRole('button', { name: 'Delete this place' }).click();
	await expect(rows).toHaveCount(4);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(rows).toHaveCount(5);
	await expect(rows.first()).toContainText('Daily');

	// Notes are autosaved, quotes kept with their time.
	await page.getByLabel('Notes on the interview').fill('Talked on the bench by the church.');
	await expect(page.getByText('Saved', { exact: true })).toBeVisible();
	await page.getByLabel('A verbatim quote').fill('I don’t go to the shelter any more.');
	await page.getByRole('button', { name: 'Add quote' }).click();
	await expect(page.getByText('“I don’t go to the shelter any more.”')).toBeVisible();
	const axe = (await runAxe(page)).violations.filter((v) =>
		['serious', 'critical'].includes(v.impact ?? '')
	);
	expect(axe.map((v) => v.id)).toEqual([]);

	// The participant's page: every place, marked for the team only.
	await page.getByRole('link', { name: 'Interviews' }).first().click();
	await expect(page.getByText('5 places named')).toBeVisible();
	await openApp(page, '/notes/participants');
	await page.getByRole('link', { name: `Everyday places: ${code}` }).click();
	await expect(page.getByText('Inside the team only, not for publication')).toBeVisible();
	const cards = page.getByRole('listitem').filter({ hasText: /Interview/ });
	await expect(cards).toHaveCount(5);
	await expect(page.getByRole('listitem').filter({ hasText: 'Kirkens Korshær' })).toContainText(
		'Get help'
	);
	await expect(
		page.getByRole('region', { name: `Map of ${code}'s everyday places` })
	).toBeVisible();
});
