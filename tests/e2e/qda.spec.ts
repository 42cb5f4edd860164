import { expect, test } from './fixtures';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertRegion, chooseLanguage, DESKTOP, openApp, PHONE, statusRegion } from './driver';
import { exportDialog, TEST_PASSPHRASE } from './export-driver';
import { startDemoWorkspace } from './notes-driver';
import {
	exportForAnalysis,
	importCodebookFile,
	openAnalysisFile,
	openExportMenu,
	startAnalysisExport,
	validateQdpx
} from './qda-driver';
import { sharedPath } from '../shared-dir';
import { checkScreen, OUT, sizesFor } from './screens-driver';

let dir = '';
test.beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'stedsans-qda-'));
	mkdirSync(OUT, { recursive: true });
});
test.afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

test('the demo workspace goes to analysis as an encrypted REFI-QDA project that validates once opened', async ({
	page
}) => {
	test.setTimeout(180_000);
	await startDemoWorkspace(page);
	const shown = Number(/\d+/.exec((await page.getByTestId('notes-count').textContent()) ?? '')![0]);

	await test.step('the export menu and dialog, in English and Danish, phone and desktop', async () => {
		for (const lang of ['en', 'da'] as const) {
			if (lang === 'da') {
				await openApp(page, '/settings');
				await chooseLanguage(page, 'Dansk');
				await openApp(page, '/notes');
			}
			for (const [size, viewport] of sizesFor(lang)) {
				await page.setViewportSize(viewport);
				await openExportMenu(page);
				// The whole menu is on the screen (a Danish phone wraps the button to the left).
				const menu = (await page.locator('details[open] .menu').boundingBox())!;
				expect(menu.x).toBeGreaterThanOrEqual(0);
				expect(menu.x + menu.width).toBeLessThanOrEqual(viewport.width);
				await checkScreen(page, `qda-menu-${size}-${lang}`, lang, true, false);
				await page
					.locator('summary')
					.filter({ hasText: /^(Export|Eksportér)$/ })
					.click();
				await startAnalysisExport(page);
				const dialog = exportDialog(page);
				const anyway = dialog.getByRole('button', {
					name: /^(Export anyway|Eksportér alligevel)$/
				});
				await expect(anyway.or(dialog.getByRole('radio').first()).first()).toBeVisible();
				if (await anyway.isVisible()) await anyway.click();
				await expect(dialog.getByText(/ATLAS\.ti, MAXQDA, NVivo/)).toBeVisible();
				await checkScreen(page, `qda-dialog-${size}-${lang}`, lang, true, false);
				await dialog.getByRole('button', { name: /^(Cancel|Annullér)$/ }).click();
				await expect(dialog).toBeHidden();
			}
		}
		await openApp(page, '/settings');
		await chooseLanguage(page, 'English');
		await page.setViewportSize(PHONE);
		await openApp(page, '/notes');
	});

	await test.step('with a search on, the whole workspace can still go to analysis', async () => {
		await page.getByRole('searchbox', { name: 'Search notes' }).fill('Halmtorvet');
		await expect(page.getByTestId('notes-count')).toContainText(`of ${shown}`);
		await openExportMenu(page);
		const all = page.getByRole('button', { name: `All ${shown} notes for analysis (REFI-QDA)` });
		await expect(all).toBeVisible();
		await checkScreen(page, 'qda-menu-filtered-phone-en', 'en', true, false);
		await page
			.locator('summary')
			.filter({ hasText: /^Export$/ })
			.click();
		await page.getByRole('searchbox', { name: 'Search notes' }).fill('');
	});

	const encrypted = await exportForAnalysis(page, dir, { passphrase: TEST_PASSPHRASE });
	expect(encrypted).toMatch(/stedsans-demo-analysis-\d{4}-\d\d-\d\d\.stedsans$/);
	await expect(statusRegion(page)).toContainText(`saved: ${shown} sources`);
	// Encrypted: none of the notes' words are in the file.
	const envelope = readFileSync(encrypted, 'utf8');
	expect(envelope).toMatch(/^\{"format":"stedsans-envelope"/);
	expect(envelope).not.toContain('project.qde');

	const qdpx = await openAnalysisFile(page, encrypted, TEST_PASSPHRASE, dir, () =>
		checkScreen(page, 'qda-open-phone-en', 'en', true, false)
	);
	await expect(statusRegion(page)).toContainText('Open it in your analysis program.');
	const { qde, entries } = validateQdpx(qdpx, dir);
	expect(entries).toContain('project.qde');
	expect(entries.filter((e) => e.startsWith('Sources/'))).toHaveLength(shown);
	expect(qde.match(/<TextSource /g)).toHaveLength(shown);
	expect(qde).toMatch(/<Case guid="[^"]+" name="VB-\d{3}">/);
	expect(qde).toContain('<Coding ');
	expect(qde).toContain('<Set ');
});

const QDC = (codes: string) =>
	Buffer.from(
		`\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo"><Codes>${codes}</Codes></CodeBook>`
	);

test('a codebook file is merged by name; a file that is not one says so and changes nothing', async ({
	page
}) => {
	await page.setViewportSize(PHONE);
	await openApp(page, '/notes/codebook');
	const codes = page.getByRole('listitem');
	await expect(codes.first()).toBeVisible();
	const before = await codes.allInnerTexts();

	// The REFI-QDA project schema is XML, but not a codebook.
	await importCodebookFile(page, {
		name: 'codebook.qdc',
		buffer: readFileSync(sharedPath('refi-qda/Project-mrt2019.xsd'))
	});
	await expect(alertRegion(page)).toContainText(
		'This file is not a REFI-QDA codebook (.qdc). Nothing was changed.'
	);
	await checkScreen(page, 'qda-codebook-wrong-phone-en', 'en', true, false);
	expect(await codes.allInnerTexts()).toEqual(before);

	await importCodebookFile(page, {
		name: 'nvivo.qdc',
		buffer: QDC(
			`<Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="resources" isCodable="true">
				<Description>Shelter, food, people.</Description>
				<Code guid="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Queue at the shelter" isCodable="true"/>
			</Code>`
		)
	});
	await expect(statusRegion(page)).toContainText(
		'Codebook merged: 1 code added, 1 already here, 1 definition extended.'
	);
	const queue = page.getByRole('listitem').filter({ hasText: 'Queue at the shelter' });
	await expect(queue).toHaveClass(/child/);
	await expect(page.getByRole('listitem').filter({ hasText: /^Resources/ })).toContainText(
		'Shelter, food, people.'
	);
	expect(await codes.count()).toBe(before.length + 1);

	await page.setViewportSize(DESKTOP);
	await checkScreen(page, 'qda-codebook-merged-desktop-en', 'en', true, false);
	await openApp(page, '/settings');
	await chooseLanguage(page, 'Dansk');
	for (const [size, viewport] of sizesFor('da')) {
		await page.setViewportSize(viewport);
		await openApp(page, '/notes/codebook');
		await expect(page.getByText('Importér kodebog (REFI-QDA .qdc)')).toBeVisible();
		await checkScreen(page, `qda-codebook-${size}-da`, 'da', true, false);
	}
});
