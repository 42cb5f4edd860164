import { expect, type Locator, type Page } from '@playwright/test';
import { openApp, statusRegion } from './driver';

/** The user's verbs for identifier warnings and the names list (beside driver.ts). */

/** Settings → Names that must never appear → one name a line → Save list. */
export async function setForbiddenNames(page: Page, names: string[]): Promise<void> {
	await openApp(page, '/settings');
	const section = namesSection(page);
	await section.getByRole('button', { name: /Show and edit the list|Add names/ }).click();
	await section.getByLabel('Names, one a line').fill(names.join('\n'));
	await section.getByRole('button', { name: 'Save list' }).click();
	await expect(statusRegion(page)).toContainText(/Saved \d+ names?\./);
}

export function namesSection(page: Page): Locator {
	return page.getByRole('region', {
		name: /^(Names that must never appear|Navne, der aldrig må forekomme)$/
	});
}

/** The list of identifiers above the note text (the accessible side of the highlights). */
export function identifierList(page: Page): Locator {
	return page.getByRole('region', {
		name: /possible identifiers? in the text|mulige? personoplysning(er)? i teksten/
	});
}

/** The highlighted hits in the editor's text. */
export function highlights(page: Page): Locator {
	return page.locator('.ProseMirror .identifier-hit');
}

/** One tap on Redact for the hit with this text. */
export async function redact(page: Page, kind: string, text: string): Promise<void> {
	await identifierList(page)
		.getByRole('button', { name: `Redact ${kind} ${text}` })
		.click();
}
