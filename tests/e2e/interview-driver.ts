import { expect, type Page } from '@playwright/test';

/** Interview mode's verbs (English). */

/** Participants → the participant's Interview → tick the consent check → Start. */
export async function startInterview(page: Page, code: string): Promise<void> {
	await page.getByRole('link', { name: `Interview: ${code}` }).click();
	await expect(page.getByLabel('Participant', { exact: true })).toHaveValue(/.+/);
	await page.getByLabel(/I have checked with the participant/).check();
	await page.getByRole('button', { name: 'Start the interview' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Interview with ${code}` })
	).toBeVisible();
}

/** The interview map's canvas, once MapLibre has drawn it. */
export function interviewMap(page: Page) {
	return page.getByRole('region', { name: /Map of the interview/ });
}

/** Taps the map `dx`, `dy` pixels from its centre, then answers what they do there. */
export async function nameOnMap(page: Page, dx: number, dy: number, activity: string) {
	const box = (await interviewMap(page).boundingBox())!;
	const sheet = page.getByRole('dialog', { name: 'About this place' });
	// A tap while the map still moves (easing to the place just named) only stops it, as on a
	// phone: tap again until the sheet opens. Nothing is stored before an activity is chosen.
	await expect(async () => {
		if (!(await sheet.isVisible()))
			await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
		await expect(sheet).toBeVisible({ timeout: 3_000 });
	}).toPass({ timeout: 30_000 });
	await chooseActivity(page, activity);
}

/** Searches the glossary and adds the place, then answers what they do there. */
export async function nameFromGlossary(page: Page, search: string, name: string, activity: string) {
	await page.getByLabel('Search the glossary by name or alias').fill(search);
	await page.getByRole('button', { name: `Add ${name}` }).click();
	await chooseActivity(page, activity);
}

async function chooseActivity(page: Page, activity: string) {
	const sheet = page.getByRole('dialog', { name: 'About this place' });
	await sheet.getByRole('button', { name: activity, exact: true }).click();
	await expect(page.getByRole('status')).toContainText(`${activity} added`);
	// Now stored, the sheet offers the rest of the answers.
	await expect(sheet.getByRole('group', { name: 'How often' })).toBeVisible();
	await sheet.getByRole('button', { name: 'Done' }).click();
	await expect(sheet).toBeHidden();
}

export function namedPlaces(page: Page) {
	return page.getByRole('list').filter({ has: page.getByRole('button', { name: /at \d+:\d\d/ }) });
}
