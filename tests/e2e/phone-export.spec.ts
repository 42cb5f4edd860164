import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openApp } from './driver';
import { expectSaved, newNote, noteDetails, openNoteDetail, typeNote } from './notes-driver';

test.use({ locale: 'da-DK' });

test('the Danish Excel CSV opens as columns with Danish labels beside the keys; Markdown says it is unencrypted', async ({
	page
}) => {
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-csv-'));
	await openApp(page, '/notes');
	await newNote(page);
	await typeNote(page, 'Regn, kulde; bænkene tomme');
	// Each detail is a chip under the editor: a tap opens it, a tap on a choice sets it and closes.
	await (
		await openNoteDetail(page, 'Genre')
	)
		.getByRole('radio', { name: 'Beskrivelse', exact: true })
		.click();
	await (
		await openNoteDetail(page, 'Kvarter')
	)
		.getByRole('radio', { name: 'Vesterbro', exact: true })
		.click();
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(noteDetails(page).getByRole('button', { name: 'Genre: Beskrivelse' })).toBeVisible();
	await expectSaved(page);

	await openApp(page, '/notes');
	await page.getByText('Eksportér', { exact: true }).click();
	// Nothing identifying in it: the file is written at once.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'CSV til dansk Excel' }).click();
	const file = await download;
	const path = join(dir, file.suggestedFilename());
	await file.saveAs(path);
	const bytes = readFileSync(path);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const [head, row] = bytes
		.toString('utf8')
		.slice(1)
		.trim()
		.split('\r\n')
		.map((line) => line.match(/("([^"]|"")*"|[^;]*)(;|$)/g)!.map((c) => c.replace(/;$/, '')));
	expect(head!.length).toBeGreaterThan(10);
	const col = (name: string) => row![head!.indexOf(name)];
	expect(col('genre')).toBe('description');
	expect(col('genre_label')).toBe('Beskrivelse');
	expect(col('neighbourhood')).toBe('vesterbro');
	expect(col('neighbourhood_label')).toBe('Vesterbro');
	expect(col('text')).toBe('"Regn, kulde; bænkene tomme"');

	await page.getByText('Eksportér', { exact: true }).click();
	await page.getByRole('button', { name: /^Markdown/ }).click();
	await expect(page.getByRole('dialog')).toContainText('ikke krypteret');
	rmSync(dir, { recursive: true, force: true });
});
