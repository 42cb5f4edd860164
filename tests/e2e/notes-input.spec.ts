import { expect, test } from './fixtures';
import { openApp } from './driver';
import { openedRecords } from './lock-driver';
import { expectSaved, newNote, noteEditor } from './notes-driver';

/** Pastes into the editor the way a browser does: a paste event carrying text and HTML. */
async function paste(page: import('@playwright/test').Page, text: string, html?: string) {
	await noteEditor(page).evaluate(
		(el, { text, html }) => {
			const data = new DataTransfer();
			data.setData('text/plain', text);
			if (html) data.setData('text/html', html);
			el.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
			);
		},
		{ text, html }
	);
}

test('pasted HTML with a script is stored and shown as text, never run', async ({ page }) => {
	await openApp(page, '/notes');
	await newNote(page);
	const html =
		'<p>Hej <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>fed</b></p>';
	await paste(page, '<script>window.__pwned=3</script> ');
	await paste(page, 'Hej fed', html);
	await expectSaved(page);
	await page.reload();
	await expect(noteEditor(page)).toContainText('<script>window.__pwned=3</script>');
	await expect(noteEditor(page).locator('b, strong')).toHaveText('fed');
	expect(
		await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
	).toBeUndefined();
	await page.goto('/notes');
	await expect(page.getByRole('listitem').filter({ hasText: '<script>' })).toBeVisible();
	expect(
		await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
	).toBeUndefined();
});

test('emoji and right-to-left text are kept as written', async ({ page }) => {
	await openApp(page, '/notes');
	await newNote(page);
	const text = 'Smilede 😀👍🏽 — قال: مرحبا بكم — שלום';
	await paste(page, text);
	await expectSaved(page);
	await page.reload();
	await expect(noteEditor(page)).toHaveText(text);
});

test('a 1 MB paste is saved whole and the app stays usable', async ({ page }) => {
	test.setTimeout(120_000);
	await openApp(page, '/notes');
	await newNote(page);
	const line = 'Lang observation om bænkene og vejret. '.repeat(25) + '\n';
	const big = line.repeat(Math.ceil(1_000_000 / line.length));
	await paste(page, big);
	await expectSaved(page);
	await page.goto('/notes');
	await expect(page.getByTestId('notes-count')).toHaveText('1 note');
	const notes = (await openedRecords(page)).filter((r) => r.table === 'notes');
	expect((notes[0]!.content as { text: string }).text.length).toBeGreaterThan(990_000);
});
