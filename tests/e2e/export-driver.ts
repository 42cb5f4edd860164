import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openEnvelopeText } from '../../src/lib/crypto/chunked-envelope';
import { isEnvelope } from '../../src/lib/crypto/envelope';
import { parseTeamKey } from '../../src/lib/crypto/team-key';
import { openApp, statusRegion } from './driver';

/** The user's verbs for exporting and importing backups, through the export dialog. */

let exports = 0;

/** The passphrase the specs encrypt exports with (four random words: strong enough). */
export const TEST_PASSPHRASE = 'tabby cruelty rotunda unlatch';

/**
 * How an export is protected in the dialog: a passphrase (the default, TEST_PASSPHRASE), the team
 * key (the default for team packages once one is set up), or plaintext with the worded confirmation.
 */
export type ExportProtection = { passphrase: string } | { teamKey: true } | { plaintext: true };

/** The export dialog (scan, findings, protection). */
export function exportDialog(page: Page): Locator {
	return page.getByRole('dialog');
}

/**
 * Goes through the export dialog after its button was pressed: the scan, any findings (only when
 * `anyway`, else the test fails on them), the protection, and the last button.
 */
export async function finishExport(
	page: Page,
	exportButton: RegExp | string,
	protection: ExportProtection = { passphrase: TEST_PASSPHRASE },
	opts: { anyway?: boolean } = {}
): Promise<void> {
	const dialog = exportDialog(page);
	await expect(dialog).toBeVisible();
	const anyway = dialog.getByRole('button', { name: /^(Export anyway|Eksportér alligevel)$/ });
	const last = dialog.getByRole('button', { name: exportButton, exact: true });
	await expect(anyway.or(last).first()).toBeVisible();
	if (await anyway.isVisible()) {
		expect(opts.anyway, 'the export listed identifiers').toBe(true);
		await anyway.click();
	}
	if ('plaintext' in protection) {
		await dialog.getByRole('radio', { name: /Do not encrypt|Kryptér ikke/ }).check();
		await dialog
			.getByRole('checkbox', {
				name: /I understand this file is not encrypted|Jeg forstår, at filen ikke er krypteret/
			})
			.check();
	} else if ('passphrase' in protection) {
		await dialog
			.getByRole('radio', { name: /Encrypt with a passphrase|Kryptér med en adgangssætning/ })
			.check();
		await dialog
			.getByLabel(/^(Passphrase for this file|Adgangssætning til filen)$/)
			.fill(protection.passphrase);
		await dialog
			.getByLabel(/^(Passphrase again|Adgangssætningen igen)$/)
			.fill(protection.passphrase);
		await expect(dialog.getByText(/^(Strong enough|Stærk nok)$/)).toBeVisible();
	} else {
		await expect(
			dialog.getByRole('radio', { name: /Encrypt with the team key|Kryptér med teamnøglen/ })
		).toBeChecked();
	}
	await last.click();
}

/** Settings → Export backup: the downloaded file's path (encrypted with TEST_PASSPHRASE by default). */
export async function exportBackup(
	page: Page,
	into: string,
	protection: ExportProtection = { passphrase: TEST_PASSPHRASE },
	opts: { anyway?: boolean } = {}
): Promise<string> {
	await openApp(page, '/settings');
	const download = page.waitForEvent('download');
	const button = /^(Export backup|Eksportér sikkerhedskopi)$/;
	await page.getByRole('button', { name: button }).click();
	await finishExport(page, button, protection, opts);
	const file = await download;
	// Each export keeps its own file: the app names them by day, and a test exports several a day.
	const path = `${into}/${++exports}-${file.suggestedFilename()}`;
	await file.saveAs(path);
	await expect(statusRegion(page)).toContainText(
		/(Encrypted backup|Backup) of \d+ records saved|(Krypteret sikkerhedskopi|Sikkerhedskopi) med/
	);
	return path;
}

export interface BackupDocument {
	format: string;
	formatVersion: number;
	exportedAt: number;
	records: Record<string, Record<string, unknown>[]>;
	[key: string]: unknown;
}

/** Reads an exported file as the app would: an encrypted one is opened with the passphrase. */
export async function readExport<T>(
	path: string,
	key: { passphrase?: string; teamKey?: string } = {}
): Promise<T> {
	const text = readFileSync(path, 'utf8');
	if (!isEnvelope(text)) return JSON.parse(text) as T;
	const opened = await openEnvelopeText(
		text,
		key.teamKey
			? { secret: parseTeamKey(key.teamKey).secret }
			: { passphrase: key.passphrase ?? TEST_PASSPHRASE }
	);
	return JSON.parse(opened) as T;
}

export function readBackup(path: string, passphrase = TEST_PASSPHRASE): Promise<BackupDocument> {
	return readExport<BackupDocument>(path, { passphrase });
}

/**
 * Exports a backup and returns its records (what a round trip must keep). A plaintext export,
 * as a snapshot of the workspace: quick, and its settings leave out only the secrets.
 */
export async function exportedRecords(
	page: Page,
	into: string
): Promise<BackupDocument['records']> {
	return (await readBackup(await exportBackup(page, into, { plaintext: true }))).records;
}

/** The settings fields a plaintext backup leaves out (SECRET_SETTINGS in the app). */
const SECRETS = ['forbiddenNames', 'teamPackageKey'];

/** Records as a plaintext backup holds them: settings without their secrets. */
export function withoutSecrets(records: BackupDocument['records']): BackupDocument['records'] {
	const settings = (records.settings ?? []).map((r) =>
		Object.fromEntries(Object.entries(r).filter(([k]) => !SECRETS.includes(k)))
	);
	return { ...records, ...(records.settings ? { settings } : {}) };
}

/** Settings → Import backup; with `passphrase`, the encrypted file's question is answered. */
export async function importBackup(
	page: Page,
	file: string | { name: string; buffer: Buffer },
	passphrase?: string,
	/** How Settings is reached: a fresh start (default) or `visit` inside the running app. */
	go: (page: Page, path: string) => Promise<void> = openApp
): Promise<void> {
	await go(page, '/settings');
	const input = page.getByLabel(/Import backup|Importér sikkerhedskopi/);
	if (typeof file === 'string') await input.setInputFiles(file);
	else
		await input.setInputFiles({
			name: file.name,
			mimeType: 'application/json',
			buffer: file.buffer
		});
	if (passphrase !== undefined) await answerPassphrase(page, passphrase);
}

/** The dialog an encrypted import opens: types the passphrase and opens the file. */
export async function answerPassphrase(page: Page, passphrase: string): Promise<void> {
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel(/^(Passphrase|Adgangssætning)$/).fill(passphrase);
	await dialog.getByRole('button', { name: /^(Open and import|Åbn og importér)$/ }).click();
}
