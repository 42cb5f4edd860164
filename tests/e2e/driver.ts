import { chromium, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.js';
import { sharedDir } from '../shared-dir';
import { isEnvelope, openEnvelope, openEnvelopeWithKey } from '../../src/lib/crypto/envelope';
import { parseTeamKey } from '../../src/lib/crypto/team-key';

/** The user's verbs, so specs read like what someone does with the app. */

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 860 };

export const SHARED = sharedDir() + '/';
/** The municipality's official neighbourhood file (read from the shared folder, never copied). */
export const KK_KVARTERER = SHARED + 'geo/kk_kvarterer_subset_4326.geojson';
export const KK_ATTRIBUTION = 'Kort-/geodata: Københavns Kommune (CC BY 4.0)';

export const APP_HOST = `127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** Opens the app and waits until the workspace is ready (the navigation is shown). */
export async function openApp(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await expectAppReady(page);
}

/** The first screen has rendered with its database open (the app's own marker). */
export async function expectAppReady(page: Page): Promise<void> {
	await expect(page.getByRole('navigation')).toBeVisible();
	await expect(page.locator('main#main')).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

/**
 * A browser with a profile on disk (not incognito), as on a real device: what it stores survives
 * closing the browser. The same Chromium and flags as every other test.
 */
export async function launchProfile(dir: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: chromiumPath(),
		args: CHROMIUM_ARGS,
		baseURL: `http://${APP_HOST}`,
		locale: 'en-GB',
		timezoneId: 'Europe/Copenhagen',
		serviceWorkers: 'allow'
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page };
}

/** Waits until the service worker has installed and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await expect
		.poll(() =>
			page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active)
		)
		.toBe(true);
	// The first load is not controlled (clientsClaim is off, so nothing reloads under the user);
	// a reload hands the page to the service worker.
	if (!(await isControlled(page))) await page.reload();
	await expect.poll(() => isControlled(page)).toBe(true);
}

export function isControlled(page: Page): Promise<boolean> {
	return page.evaluate(() => !!navigator.serviceWorker.controller);
}

/** Network off, with the HTTP cache cleared first so only the service worker can answer. */
export async function goOffline(page: Page, context: BrowserContext): Promise<void> {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.clearBrowserCache');
	await cdp.detach();
	await context.setOffline(true);
}

/** The section names in the navigation, in order (e.g. ["Settings"]). */
export async function sectionNames(page: Page): Promise<string[]> {
	const links = page.getByRole('navigation').getByRole('listitem').getByRole('link');
	return (await links.allInnerTexts()).map((t) => t.trim());
}

export async function gotoSection(page: Page, name: string): Promise<void> {
	await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export function displayNameField(page: Page): Locator {
	return page.getByLabel(/^(Your name or initials|Dit navn eller dine initialer)$/);
}

export async function setDisplayName(page: Page, name: string): Promise<void> {
	await page.goto('/settings');
	const field = displayNameField(page);
	await field.fill(name);
	await field.blur();
	await expect(page.getByText(/^(Saved|Gemt)$/)).toBeVisible();
}

export async function expectDisplayName(page: Page, name: string): Promise<void> {
	await openApp(page, '/settings');
	await expect(displayNameField(page)).toHaveValue(name);
}

export async function chooseLanguage(page: Page, language: 'English' | 'Dansk'): Promise<void> {
	await page.getByRole('radio', { name: language, exact: true }).check();
}

/** The first screen (of a workspace without notes) → Try with demo data. */
export async function startDemo(page: Page): Promise<void> {
	await openApp(page, '/');
	await page.getByRole('button', { name: /Try with demo data|Prøv med demodata/ }).click();
	await expect(demoBanner(page)).toBeVisible({ timeout: 30_000 });
	// The banner shows as soon as the demo workspace opens; the notes open once it is filled.
	await page.waitForURL((url) => url.pathname === '/notes', { timeout: 60_000 });
	await expectAppReady(page);
}

export function demoBanner(page: Page): Locator {
	return page.getByRole('complementary', { name: /Demo workspace|Demo-arbejdsområde/ });
}

export async function leaveDemo(page: Page): Promise<void> {
	await demoBanner(page).getByRole('link', { name: 'Leave or wipe' }).click();
	await page.getByRole('button', { name: 'Back to my workspace' }).click();
	await expect(statusRegion(page)).toContainText('Back in your own workspace.');
	await expect(demoBanner(page)).toBeHidden();
}

export async function wipeDemo(page: Page): Promise<void> {
	await demoBanner(page).getByRole('link', { name: 'Leave or wipe' }).click();
	await page.getByRole('button', { name: 'Wipe demo data' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Wipe demo data' }).click();
	await expect(statusRegion(page)).toContainText('The demo workspace was wiped.');
	await expect(demoBanner(page)).toBeHidden();
}

/** The names of the IndexedDB databases of the origin. */
export function databaseNames(page: Page): Promise<string[]> {
	return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}

/** Settings → Import boundaries → choose a GeoJSON file: the areas are shown on the map. */
export async function chooseBoundaryFile(page: Page, file = KK_KVARTERER): Promise<void> {
	await openApp(page, '/settings');
	await page.getByRole('link', { name: 'Import boundaries' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Import boundaries' })).toBeVisible();
	await page.getByLabel('Choose a GeoJSON file').setInputFiles(file);
	await expect(
		page.getByRole('heading', { name: 'Which neighbourhood is each area?' })
	).toBeVisible();
}

export async function saveBoundaries(page: Page, count = 3): Promise<void> {
	await page.getByRole('button', { name: 'Save outlines' }).click();
	await expect(statusRegion(page)).toContainText(`Saved outlines for ${count} neighbourhoods.`);
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

/** The municipality's file imported with the suggested assignment. */
export async function importBoundaries(page: Page, file = KK_KVARTERER): Promise<void> {
	await chooseBoundaryFile(page, file);
	await saveBoundaries(page);
}

/** One neighbourhood's entry in Settings → Neighbourhood outlines. */
export function outlineEntry(page: Page, neighbourhood: string): Locator {
	return page
		.getByRole('region', { name: /^(Neighbourhood outlines|Kvartergrænser)$/ })
		.getByRole('listitem')
		.filter({ has: page.getByText(neighbourhood, { exact: true }) });
}

export function boundaryMap(page: Page): Locator {
	return page.getByRole('region', {
		name: /^(Map of the areas in the file|Kort over områderne i filen)$/
	});
}

/**
 * Counts the pixels of a map drawn in each of the given colours (from a screenshot, decoded in
 * the page), so a test can tell a drawn outline from an empty or grey map.
 */
export async function countColouredPixels(
	page: Page,
	target: Locator,
	colours: string[],
	tolerance = 40
): Promise<number[]> {
	const png = (await target.screenshot()).toString('base64');
	return page.evaluate(
		async ({ png, colours, tolerance }) => {
			const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
			const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
			const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
			const ctx = canvas.getContext('2d')!;
			ctx.drawImage(bitmap, 0, 0);
			const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
			const rgb = colours.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
			const counts = rgb.map(() => 0);
			for (let p = 0; p < data.length; p += 4) {
				rgb.forEach(([r, g, b], i) => {
					const d =
						Math.abs(data[p]! - r!) + Math.abs(data[p + 1]! - g!) + Math.abs(data[p + 2]! - b!);
					if (d <= tolerance) counts[i]!++;
				});
			}
			return counts;
		},
		{ png, colours, tolerance }
	);
}

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
	const opened = key.teamKey
		? await openEnvelopeWithKey(text, parseTeamKey(key.teamKey).secret)
		: await openEnvelope(text, key.passphrase ?? TEST_PASSPHRASE);
	return JSON.parse(opened.text()) as T;
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
	passphrase?: string
): Promise<void> {
	await openApp(page, '/settings');
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

export async function eraseWorkspace(page: Page): Promise<void> {
	await openApp(page, '/settings');
	await page.getByRole('button', { name: 'Erase all my data' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Erase all my data' }).click();
	await expect(statusRegion(page)).toContainText('Your workspace was erased');
}

/**
 * The device runs out of room part-way through the next write: IndexedDB aborts the transaction
 * with a QuotaExceededError after a few records were written in it, as a browser does when an
 * origin hits its quota. Survives reloads (an init script), so it can be armed before an import.
 *
 * Why simulated: Chromium 156 applies CDP `Storage.overrideQuotaForOrigin` to Cache Storage but
 * not to IndexedDB (the override reads back as active, and IndexedDB writes straight past it); and
 * a real full disk (a profile on a small tmpfs) makes Chromium treat LevelDB's FILE_ERROR_NO_SPACE
 * as corruption and delete the origin's whole IndexedDB (electron/electron#41877,
 * google/leveldb#1180), which no app can guard against.
 */
export async function simulateFullDisk(page: Page, full: boolean): Promise<void> {
	await page.context().addInitScript((on: boolean) => {
		const w = window as unknown as { __stedsansDiskFull?: boolean; __stedsansPatched?: boolean };
		w.__stedsansDiskFull = on;
		if (w.__stedsansPatched) return;
		w.__stedsansPatched = true;
		const armed = new WeakMap<IDBTransaction, number>();
		const transaction = IDBDatabase.prototype.transaction;
		IDBDatabase.prototype.transaction = function (
			this: IDBDatabase,
			...args: Parameters<IDBDatabase['transaction']>
		) {
			const tx = transaction.apply(this, args);
			if (args[1] === 'readwrite' && w.__stedsansDiskFull) armed.set(tx, 0);
			return tx;
		};
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (
			this: IDBObjectStore,
			...args: [unknown, IDBValidKey?]
		) {
			const request = put.apply(this, args);
			const tx = this.transaction;
			const writes = armed.get(tx);
			if (writes === undefined) return request;
			armed.set(tx, writes + 1);
			if (writes === 2)
				request.addEventListener('success', () => {
					const error = new DOMException(
						'The current transaction exceeded its quota limitations.',
						'QuotaExceededError'
					);
					Object.defineProperty(tx, 'error', { configurable: true, get: () => error });
					tx.abort();
				});
			return request;
		};
	}, full);
	await page.evaluate((on) => {
		(window as unknown as { __stedsansDiskFull?: boolean }).__stedsansDiskFull = on;
	}, full);
}

export function alertRegion(page: Page): Locator {
	return page.getByRole('alert');
}

export function statusRegion(page: Page): Locator {
	return page.getByRole('status');
}

/** Every request the pages of a context make, to prove nothing goes to another host. */
export function recordRequests(context: BrowserContext): string[] {
	const urls: string[] = [];
	context.on('request', (r) => urls.push(r.url()));
	return urls;
}

export function foreignRequests(urls: string[], allowedHosts: string[] = []): string[] {
	return urls.filter((u) => {
		const url = new URL(u);
		if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
		return ![APP_HOST, APP_HOST.replace('127.0.0.1', 'localhost'), ...allowedHosts].includes(
			url.host
		);
	});
}

export function sharedFile(path: string): string {
	return readFileSync(SHARED + path, 'utf8');
}
