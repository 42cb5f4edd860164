import { expect, test } from './fixtures';
import { openApp } from './driver';
import { expectSaved, newNote, startDemoWorkspace, typeNote } from './notes-driver';

test('search without diacritics, filters, delete with Undo, and restore from the trash', async ({
	page
}) => {
	await startDemoWorkspace(page);
	const count = page.getByTestId('notes-count');
	const total = Number((await count.innerText()).match(/\d+/)![0]);

	const search = page.getByRole('searchbox', { name: 'Search notes' });
	await search.fill('kodbyen');
	await expect(count).toHaveText(new RegExp(`^\\d+ of ${total} notes$`));
	const hits = page.getByRole('listitem').filter({ has: page.getByRole('article') });
	await expect(hits.first()).toBeVisible();
	await search.fill('');

	await page.getByRole('button', { name: 'Filters' }).click();
	const dialog = page.getByRole('dialog', { name: 'Filters' });
	await dialog
		.getByRole('group', { name: 'Neighbourhood' })
		.getByRole('radio', { name: 'Sundholm' })
		.check();
	await dialog
		.getByRole('group', { name: 'Genre' })
		.getByRole('radio', { name: 'Verbatim quote' })
		.check();
	await dialog.getByRole('button', { name: 'Done' }).click();
	await expect(page.getByRole('button', { name: 'Filters (2)' })).toBeVisible();
	const filtered = Number((await count.innerText()).match(/^(\d+) of/)![1]);
	expect(filtered).toBeGreaterThan(0);
	expect(filtered).toBeLessThan(total / 5);

	const first = page.getByRole('article').first();
	const preview = (await first.locator('p').innerText()).slice(0, 20);
	await first.getByRole('button', { name: /Delete note from/ }).click();
	await expect(count).toHaveText(`${filtered - 1} of ${total - 1} notes`);
	await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
	await expect(count).toHaveText(`${filtered} of ${total} notes`);

	await page
		.getByRole('article')
		.first()
		.getByRole('button', { name: /Delete note from/ })
		.click();
	await expect(page.getByRole('status')).toContainText('Note moved to the trash');
	await page.goto('/settings/trash');
	const item = page.getByRole('listitem').filter({ hasText: preview });
	await item.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByText('The trash is empty.')).toBeVisible();
});

test.describe('in Danish', () => {
	test.use({ locale: 'da-DK' });
	test('søgning, filtre og fortryd virker på dansk', async ({ page }) => {
		await openApp(page, '/notes');
		await newNote(page);
		await typeNote(page, 'Mødtes ved Kødbyen i regnvejr');
		await expectSaved(page);
		await newNote(page);
		await typeNote(page, 'Stille ved Enghave Plads');
		await expectSaved(page);
		await page.getByRole('link', { name: 'Noter', exact: true }).click();
		await page.getByRole('searchbox', { name: 'Søg i noter' }).fill('kodbyen');
		await expect(page.getByTestId('notes-count')).toHaveText('1 af 2 noter');
		await page
			.getByRole('article')
			.first()
			.getByRole('button', { name: /Slet noten fra/ })
			.click();
		await expect(page.getByRole('status')).toContainText('Noten er lagt i papirkurven');
		await page.getByRole('status').getByRole('button', { name: 'Fortryd' }).click();
		await expect(page.getByTestId('notes-count')).toHaveText('1 af 2 noter');
		await page.getByRole('button', { name: 'Filtre' }).click();
		await page
			.getByRole('dialog')
			.getByRole('group', { name: 'Placering' })
			.getByRole('radio', { name: 'Med placering' })
			.check();
		await page.getByRole('dialog').getByRole('button', { name: 'Færdig' }).click();
		await expect(page.getByTestId('notes-count')).toHaveText('0 af 2 noter');
	});
});
