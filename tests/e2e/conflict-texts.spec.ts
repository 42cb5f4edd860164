import { expect, test } from './fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseLanguage, DESKTOP, openApp, PHONE, statusRegion } from './driver';
import { expectSaved, newNote, typeNote } from './notes-driver';
import {
	chooseTeamPackage,
	confirmImport,
	conflictCard,
	exportTeamPackage,
	readPackage,
	settleConflict
} from './places-driver';
import { checkScreen } from './screens-driver';

let dir = '';
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'stedsans-conflict-'));
});
test.afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

const BEFORE = 'Det begyndte at regne, og vi gik ind under halvtaget ved Mændenes Hjem.';
const MINE = ' Vi blev der en halv time.';
const THEIRS =
	'Det begyndte at sne, og vi gik ind under halvtaget ved Mændenes Hjem, hvor Bo kendte vagten.';

test('a conflict over a note shows both texts whole with the differences marked; Keep both marks the copy and links the two', async ({
	page
}) => {
	test.setTimeout(180_000);
	await openApp(page, '/notes');
	await newNote(page);
	await typeNote(page, BEFORE);
	await expectSaved(page);
	const noteId = new URL(page.url()).searchParams.get('id')!;

	// Bo's device had the note too and changed it; meanwhile it was changed here.
	const sent = await readPackage(
		await exportTeamPackage(page, dir, { notes: true, protection: { plaintext: true } })
	);
	await openApp(page, `/notes/edit?id=${noteId}`);
	await page.getByRole('textbox', { name: 'Note text' }).press('End');
	await typeNote(page, MINE);
	await expectSaved(page);
	const note = sent.records.notes!.find((n) => n.id === noteId)!;
	const theirs = {
		...note,
		text: THEIRS,
		doc: {
			type: 'doc',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: THEIRS }] }]
		},
		updatedAt: (note.updatedAt as number) + 1,
		deviceId: 'bos-phone',
		rev: { ...(note.rev as Record<string, number>), 'bos-phone': 1 }
	};
	const fromBo = {
		...sent,
		madeBy: { authorId: 'bo', displayName: 'Bo', deviceId: 'bos-phone' },
		records: { ...sent.records, notes: [theirs] }
	};
	await chooseTeamPackage(page, {
		name: 'fra-bo.json',
		buffer: Buffer.from(JSON.stringify(fromBo))
	});

	// Both versions are there to the last word, the differing words marked on each side.
	const card = conflictCard(page);
	const mine = card.getByRole('region', { name: 'On this device' });
	const bos = card.getByRole('region', { name: 'In the package from Bo' });
	await expect(mine).toContainText(BEFORE + MINE);
	await expect(bos).toContainText(THEIRS);
	await expect(mine.locator('mark')).toContainText(['regne']);
	await expect(bos.locator('mark')).toContainText(['sne']);
	expect((await bos.locator('mark').allInnerTexts()).join('')).toContain('hvor Bo kendte vagten');
	expect((await mine.locator('mark').allInnerTexts()).join('')).toContain(
		'Vi blev der en halv time'
	);

	// Screenshots of the conflict view at both sizes, in English and Danish.
	const anyCard = page.locator('article.conflict');
	for (const lang of ['en', 'da'] as const) {
		for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
			await page.setViewportSize(viewport);
			await anyCard.scrollIntoViewIfNeeded();
			await checkScreen(page, `conflict-note-${size}-${lang}`, lang);
		}
		if (lang === 'en') {
			await openApp(page, '/settings');
			await chooseLanguage(page, 'Dansk');
			await openApp(page, '/settings/team');
			await page.locator('input[type=file][accept*=stedsans]').setInputFiles({
				name: 'fra-bo.json',
				mimeType: 'application/json',
				buffer: Buffer.from(JSON.stringify(fromBo))
			});
			await expect(anyCard).toBeVisible();
		}
	}
	await openApp(page, '/settings');
	await chooseLanguage(page, 'English');
	await chooseTeamPackage(page, {
		name: 'fra-bo.json',
		buffer: Buffer.from(JSON.stringify(fromBo))
	});

	// Keep both: Bo's version becomes a second note, marked as the copy; each links to the other.
	await settleConflict(page, 'Keep both');
	await confirmImport(page);
	await expect(statusRegion(page)).toContainText('Conflicts settled: 1');
	await openApp(page, `/notes/edit?id=${noteId}`);
	const notice = page.getByTestId('note-conflict');
	await expect(notice).toContainText(
		'A conflicting version of this note from Bo was kept as a copy.'
	);
	await notice.getByRole('link', { name: 'Open the other version' }).click();
	await expect(page.getByTestId('note-conflict')).toContainText(
		'This note is a copy kept from a team package conflict'
	);
	await expect(page.getByRole('textbox', { name: 'Note text' })).toContainText(THEIRS);
	await page
		.getByTestId('note-conflict')
		.getByRole('link', { name: 'Open the other version' })
		.click();
	await expect(page).toHaveURL(new RegExp(`id=${noteId}`));
	await openApp(page, '/notes');
	await expect(page.getByText('Conflict copy')).toHaveCount(1);
});
