import { expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../shared-dir';
import { exportDialog, finishExport, type ExportProtection } from './export-driver';

/** The user's verbs for the REFI-QDA export and the codebook import, and the file checks. */

const MENU = /^(Export|Eksportér)$/;
const FOR_ANALYSIS = /^(For analysis \(REFI-QDA \.qdpx\)|Til analyse \(REFI-QDA \.qdpx\))$/;
const EXPORT_QDPX = /^(Export \.qdpx|Eksportér \.qdpx)$/;

/** Notes → Export: the menu opens. */
export async function openExportMenu(page: Page): Promise<void> {
	await page.locator('summary').filter({ hasText: MENU }).click();
	await expect(page.getByRole('button', { name: FOR_ANALYSIS })).toBeVisible();
}

/** Notes → Export → For analysis: the dialog's last step, before the file is written. */
export async function startAnalysisExport(page: Page): Promise<void> {
	await openExportMenu(page);
	await page.getByRole('button', { name: FOR_ANALYSIS }).click();
	await expect(exportDialog(page)).toBeVisible();
}

/** Goes through the export dialog; returns the saved file's path. */
export async function exportForAnalysis(
	page: Page,
	into: string,
	protection: ExportProtection
): Promise<string> {
	const download = page.waitForEvent('download');
	await startAnalysisExport(page);
	await finishExport(page, EXPORT_QDPX, protection, { anyway: true });
	const file = await download;
	const path = join(into, file.suggestedFilename());
	await file.saveAs(path);
	return path;
}

/** Notes → Export → Open an encrypted analysis file, with its passphrase: the saved .qdpx. */
export async function openAnalysisFile(
	page: Page,
	file: string,
	passphrase: string,
	into: string,
	/** Called while the passphrase dialog shows (for a screenshot). */
	onPrompt?: () => Promise<void>
): Promise<string> {
	await openExportMenu(page);
	const chooser = page.waitForEvent('filechooser');
	await page
		.getByRole('button', {
			name: /^(Open an encrypted analysis file|Åbn en krypteret analysefil)$/
		})
		.click();
	await (await chooser).setFiles(file);
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel(/^(Passphrase|Adgangssætning)$/).fill(passphrase);
	await onPrompt?.();
	const download = page.waitForEvent('download');
	await dialog.getByRole('button', { name: /^(Open and save \.qdpx|Åbn og gem \.qdpx)$/ }).click();
	const saved = await download;
	const path = join(into, `opened-${saved.suggestedFilename()}`);
	await saved.saveAs(path);
	return path;
}

/** Codebook → Import codebook: a file as the user picks it. */
export async function importCodebookFile(
	page: Page,
	file: { name: string; buffer: Buffer }
): Promise<void> {
	await page
		.getByLabel(/Import codebook \(REFI-QDA \.qdc\)|Importér kodebog \(REFI-QDA \.qdc\)/)
		.setInputFiles({ ...file, mimeType: 'application/xml' });
}

/**
 * A .qdpx as an analysis program would read it: `project.qde` taken out with Info-ZIP's unzip and
 * validated against the REFI-QDA schema with xmllint (both Debian tools; .ci/run installs them).
 */
export function validateQdpx(path: string, dir: string): { qde: string; entries: string[] } {
	const run = (cmd: string, args: string[]) => {
		const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
		if (r.error) throw new Error(`${cmd} is needed: ${r.error.message}`);
		return r;
	};
	const entries = run('unzip', ['-Z1', path]).stdout.trim().split('\n');
	const qde = run('unzip', ['-p', path, 'project.qde']).stdout;
	const file = join(dir, 'project.qde');
	writeFileSync(file, qde);
	const lint = run('xmllint', [
		'--noout',
		'--schema',
		sharedPath('refi-qda/Project-mrt2019.xsd'),
		file
	]);
	expect(`${lint.stdout}${lint.stderr}`.trim()).toBe(`${file} validates`);
	expect(lint.status).toBe(0);
	return { qde, entries };
}
