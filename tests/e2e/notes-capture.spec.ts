import { expect, test } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile, openApp, PHONE } from './driver';
import { expectSaved, newNote, noteEditor, typeNote } from './notes-driver';

test('text typed just before the tab is killed is there when the app opens again', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-crash-'));
	const first = await launchProfile(dir);
	await openApp(first.page, '/notes');
	await newNote(first.page);
	await typeNote(first.page, 'Sidste ord før crash');
	// The editor says Saved (autosave waits 300 ms after the last key): that must hold.
	await expectSaved(first.page);
	// Crash the renderer: no pagehide, no unload, no chance to flush anything. Then the browser goes.
	const cdp = await first.context.newCDPSession(first.page);
	// Page.crash never answers (the page it would answer from is gone): wait for the crash itself.
	const crashed = first.page.waitForEvent('crash');
	void cdp.send('Page.crash').catch(() => {});
	await crashed;
	await first.context.close();
	const second = await launchProfile(dir);
	await openApp(second.page, '/notes');
	await expect(
		second.page.getByRole('listitem').filter({ hasText: 'Sidste ord før crash' })
	).toBeVisible();
	await second.context.close();
	rmSync(dir, { recursive: true, force: true });
});

test('New note works from the editor too, saving the note that was open', async ({ page }) => {
	await openApp(page, '/notes');
	await newNote(page);
	await typeNote(page, 'Første');
	await newNote(page);
	await typeNote(page, 'Anden');
	await expectSaved(page);
	await page.goto('/notes');
	await expect(page.getByTestId('notes-count')).toHaveText('2 notes');
});

test('n opens a new note on a keyboard, focused and with the time set', async ({ page }) => {
	await openApp(page, '/settings');
	await page.keyboard.press('n');
	await expect(page).toHaveURL(/\/notes\/edit/);
	await expect(noteEditor(page)).toBeFocused();
	const now = await page.getByLabel('Observed at').inputValue();
	expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
});

test('New note is one tap away on a phone on every overview, and gone from forms', async ({
	page
}) => {
	await page.setViewportSize(PHONE);
	for (const path of ['/notes', '/map', '/places', '/follow']) {
		await openApp(page, path);
		await expect(page.getByRole('link', { name: 'New note', exact: true })).toBeVisible();
	}
	for (const path of ['/settings', '/notes/participants']) {
		await openApp(page, path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('link', { name: 'New note', exact: true })).toBeHidden();
	}
	await openApp(page, '/notes');
	await newNote(page);
	await typeNote(page, 'Hurtig note');
	await expectSaved(page);
});

test('rich text: bold, a list and a verbatim quote survive a reload', async ({ page }) => {
	await openApp(page, '/notes');
	await newNote(page);
	await page.getByRole('button', { name: 'Bold' }).click();
	await typeNote(page, 'Vigtigt');
	await page.getByRole('button', { name: 'Bold' }).click();
	await page.keyboard.press('Enter');
	await page.getByRole('button', { name: 'Verbatim quote' }).click();
	await typeNote(page, 'De flytter os hele tiden');
	await expectSaved(page);
	await page.reload();
	await expect(noteEditor(page).locator('strong')).toHaveText('Vigtigt');
	await expect(noteEditor(page).locator('blockquote')).toHaveText('De flytter os hele tiden');
});
