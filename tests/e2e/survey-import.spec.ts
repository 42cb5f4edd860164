import { mkdirSync } from 'node:fs';
import { runAxe } from './axe';
import { expect, test, type Page } from './fixtures';
import { chooseLanguage, DESKTOP, goOffline, openApp, PHONE, waitForServiceWorker } from './driver';
import { chooseSurveyFile, KOBO_CSV } from './survey-driver';

// Offline: served by the service worker.
test.use({ serviceWorkers: 'allow', viewport: PHONE });

const OUT = 'tests/.out/screens';

async function expectAccessible(page: Page) {
	const bad = (await runAxe(page)).violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect(bad.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

test('a survey is imported offline at phone size: mapping, preview with the rejected answers counted, import', async ({
	page,
	context
}) => {
	mkdirSync(OUT, { recursive: true });
	await openApp(page, '/notes/participants');
	await waitForServiceWorker(page);
	await goOffline(page, context);

	await chooseSurveyFile(page, 'kobo.csv', KOBO_CSV);
	// The mapping is suggested from Kobo's column names, for the user to check.
	await expect(page.getByLabel('Column with the study ID')).toHaveValue('study_id');
	await expect(page.getByLabel('Import sleep')).toBeChecked();
	await expect(page.getByLabel('Import buy')).toBeChecked();
	await expect(page.getByText('precision: _sleep_precision')).toBeVisible();
	await page.screenshot({ path: `${OUT}/survey-mapping-phone-en.png`, fullPage: true });
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Preview' }).click();
	const preview = page.getByTestId('survey-preview');
	await expect(preview).toContainText('Respondents: 4');
	await expect(preview).toContainText('New pseudonymous participants: 4');
	await expect(preview).toContainText('Places to import: 5');
	await expect(page.getByTestId('survey-rejected')).toContainText('Answers left out: 2');
	await expect(page.getByTestId('survey-rejected')).toContainText(
		'Less precise than the grid cell: 1 (first: row 4, column _sleep_latitude)'
	);
	await expect(page.getByTestId('survey-rejected')).toContainText(
		'Outside Copenhagen: 1 (first: row 5, column _sleep_latitude)'
	);
	await page.screenshot({ path: `${OUT}/survey-preview-phone-en.png`, fullPage: true });
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('survey-done')).toContainText(
		'Imported 5 places and 4 new participants. 0 places were already here.'
	);
	await page.getByRole('link', { name: 'Participants' }).last().click();
	for (const code of ['VB-301', 'NV-302', 'SH-303', 'VB-304'])
		await expect(page.getByRole('listitem').filter({ hasText: code })).toContainText(
			'in aggregate maps'
		);

	// The same file again changes nothing; a bad one names its first problem.
	await chooseSurveyFile(page, 'kobo.csv', KOBO_CSV);
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByTestId('survey-preview')).toContainText(
		'Matched to participants by code: 4'
	);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('survey-done')).toContainText(
		'Imported 0 places and 0 new participants. 5 places were already here.'
	);
	await page.getByRole('button', { name: 'Another file' }).click();
	await page
		.getByLabel('Survey file')
		.setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('study_id\n') });
	await expect(page.getByTestId('survey-problem')).toHaveText(
		'The file cannot be imported: the file has headings but no answers.'
	);

	// Danish, desktop: the same screens.
	await page.setViewportSize(DESKTOP);
	await page.getByRole('link', { name: 'Participants' }).first().click();
	await openApp(page, '/settings');
	await chooseLanguage(page, 'Dansk');
	await openApp(page, '/notes/participants');
	await chooseSurveyFile(page, 'kobo.csv', KOBO_CSV);
	await expect(page.getByLabel('Kolonne med deltager-ID')).toHaveValue('study_id');
	await page.screenshot({ path: `${OUT}/survey-mapping-desktop-da.png`, fullPage: true });
	await page.getByRole('button', { name: 'Forhåndsvis' }).click();
	await expect(page.getByTestId('survey-rejected')).toContainText('Svar der udelades: 2');
	await page.screenshot({ path: `${OUT}/survey-preview-desktop-da.png`, fullPage: true });
	await expectAccessible(page);
});
