import { chromium, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.js';
import { sharedDir } from '../shared-dir';
import { DEFAULT_BASEMAP_STYLE } from '../../src/lib/domain/settings/workspace-settings';

/** The user's verbs, so specs read like what someone does with the app. */

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 860 };

export const SHARED = sharedDir() + '/';
/** The municipality's official neighbourhood file (read from the shared folder, never copied). */
export const KK_KVARTERER = SHARED + 'geo/kk_kvarterer_subset_4326.geojson';
export const KK_ATTRIBUTION = 'Kort-/geodata: Københavns Kommune (CC BY 4.0)';

export const APP_HOST = `127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** The passphrase every test's own workspace is encrypted with (four random words). */
export const TEST_PASSPHRASE = 'tabby cruelty rotunda unlatch';

const PASSPHRASE = /^(Passphrase|Adgangssætning)$/;
const PASSPHRASE_AGAIN = /^(Passphrase again|Adgangssætning igen)$/;

/** The screen the own workspace shows instead of its content: set-up, recovery key, lock, opening. */
export function vaultScreen(page: Page): Locator {
	return page.getByTestId('vault');
}

/**
 * First run: chooses `passphrase`, waits for the recovery key, confirms it is saved and opens
 * the workspace. Returns the recovery key as shown.
 */
export async function setUpPassphrase(page: Page, passphrase = TEST_PASSPHRASE): Promise<string> {
	const screen = vaultScreen(page);
	await expect(screen).toHaveAttribute('data-screen', 'setup');
	await screen.getByLabel(PASSPHRASE).fill(passphrase);
	await screen.getByLabel(PASSPHRASE_AGAIN).fill(passphrase);
	await screen.getByRole('button', { name: /^(Encrypt and continue|Kryptér og fortsæt)$/ }).click();
	await expect(screen).toHaveAttribute('data-screen', 'recovery-key', { timeout: 20_000 });
	const recoveryKey = (await screen.getByTestId('recovery-key').innerText()).trim();
	await screen.getByRole('checkbox', { name: /recovery key|gendannelsesnøglen/ }).check();
	await screen.getByRole('button', { name: /^(Continue|Fortsæt)$/ }).click();
	await expect(screen).toBeHidden({ timeout: 60_000 });
	return recoveryKey;
}

/** The lock screen: types the passphrase and unlocks (nothing is waited for after a wrong one). */
export async function typePassphrase(page: Page, passphrase: string): Promise<void> {
	const screen = vaultScreen(page);
	await expect(screen).toHaveAttribute('data-screen', 'locked');
	await screen.getByLabel(PASSPHRASE).fill(passphrase);
	await screen.getByRole('button', { name: /^(Unlock|Lås op)$/ }).click();
}

export async function unlockApp(page: Page, passphrase = TEST_PASSPHRASE): Promise<void> {
	await typePassphrase(page, passphrase);
	await expect(vaultScreen(page)).toBeHidden({ timeout: 60_000 });
}

/**
 * Whatever the own workspace asks first: a passphrase on first run, the passphrase on the lock
 * screen after a reload, waiting while it opens. What every spec's page does by itself (see
 * `watchContext`), so specs read as before encryption.
 */
export async function passVault(page: Page): Promise<void> {
	const screen = vaultScreen(page);
	for (let step = 0; step < 4; step++) {
		// Gone (the workspace is open): done at once, without waiting for a screen that won't come.
		if (!(await screen.isVisible())) return;
		const kind = await screen.getAttribute('data-screen', { timeout: 2_000 }).catch(() => null);
		if (kind === 'setup') await setUpPassphrase(page);
		else if (kind === 'locked') await unlockApp(page);
		else if (kind === 'recovery-key' || kind === 'opening')
			await expect(screen).not.toHaveAttribute('data-screen', kind, { timeout: 60_000 });
		else return;
	}
}

/**
 * Goes to `path` and waits until the workspace is ready (the navigation is shown): inside the
 * running app as one of its links would when the page already shows it (`visit`), else by
 * loading the page (`loadApp`). Every page load starts the app again and unlocks the encrypted
 * workspace again (a key derivation); a spec about what a load does says `loadApp`.
 */
export async function openApp(page: Page, path = '/'): Promise<void> {
	if ((await appShown(page)) && !isShowing(page, path)) await visit(page, path);
	else await loadApp(page, path);
}

/** The page is at `path` already: opening it again means a fresh screen, as before. */
function isShowing(page: Page, path: string): boolean {
	const now = new URL(page.url());
	const target = new URL(path, now);
	return now.pathname === target.pathname && now.search === target.search;
}

/** Loads `path` as a new page load (start-up, unlock) and waits until the workspace is ready. */
export async function loadApp(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await expectAppReady(page);
}

/** The page shows the app with its workspace open (no set-up, lock or opening screen). */
async function appShown(page: Page): Promise<boolean> {
	return (await page.locator('html[data-ready="true"] main#main').count()) > 0;
}

/**
 * Goes to `path` inside the running app as one of its links would (SvelteKit's client-side
 * router): no reload, so no second start and unlock. For specs that look at screens rather than
 * at start-up; a page not yet showing the app is opened with `openApp`.
 */
export async function visit(page: Page, path: string): Promise<void> {
	if (!(await appShown(page))) return loadApp(page, path);
	const target = new URL(path, page.url());
	// Inside the router's container (the body's first element), where it hears the click.
	await page.locator('main#main').evaluate((main, href) => {
		const a = document.createElement('a');
		a.href = href;
		main.append(a);
		a.click();
		a.remove();
	}, target.href);
	await page.waitForURL((u) => u.pathname === target.pathname && u.search === target.search);
	await expectAppReady(page);
}

/** The first screen has rendered with its database open (the app's own marker). */
export async function expectAppReady(page: Page): Promise<void> {
	await expect(page.getByRole('navigation')).toBeVisible();
	await expect(page.locator('main#main')).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

/** The basemap the app is configured with by default: the one other host it may ask. */
export const BASEMAP_HOST = new URL(DEFAULT_BASEMAP_STYLE).host;

interface Watched {
	requests: string[];
	autoUnlock: boolean;
}
const watched = new Map<BrowserContext, Watched>();

/**
 * Every page of the context records its requests (see `expectNoForeignRequests`) and, unless
 * `autoUnlock` is off, gets through the set-up and lock screens by itself with the test
 * passphrase whenever one shows (a Playwright locator handler, run before the next action or
 * assertion). The fixture in fixtures.ts does this for the test's own context; the driver for
 * the browsers it launches.
 */
export function watchContext(context: BrowserContext, unlockByItself = true): void {
	if (watched.has(context)) return;
	const entry: Watched = { requests: [], autoUnlock: unlockByItself };
	watched.set(context, entry);
	context.on('request', (r) => entry.requests.push(r.url()));
	const onPage = (page: Page) => {
		if (entry.autoUnlock) void autoUnlock(page, true).catch(() => {});
	};
	context.pages().forEach(onPage);
	context.on('page', onPage);
}

/** Turns getting through the set-up and lock screens by itself on or off for one page. */
export async function autoUnlock(page: Page, on: boolean): Promise<void> {
	if (on)
		await page.addLocatorHandler(
			vaultScreen(page),
			() => (paused.has(page) ? Promise.resolve() : passVault(page)),
			// Paused, the handler leaves the screen as it is: the action goes on regardless.
			{ noWaitAfter: true }
		);
	else await page.removeLocatorHandler(vaultScreen(page));
}

/** Pages whose lock handler stands aside for a while (see `startDemo`). */
const paused = new WeakSet<Page>();

const extraHosts: string[] = [];

/** A host the current test serves the app from itself (a copy of the build on its own port). */
export function allowHost(host: string): void {
	extraHosts.push(host);
}

/** Requests made so far by every watched context to a host other than the app's and the basemap's. */
export function watchedForeignRequests(): string[] {
	return [...watched.values()].flatMap((w) =>
		foreignRequests(w.requests, [BASEMAP_HOST, ...extraHosts])
	);
}

/** Forgets the contexts and hosts of the test that ended. */
export function forgetWatched(): void {
	watched.clear();
	extraHosts.length = 0;
}

/** Whether contexts launched by the driver get through the lock by themselves (default yes). */
let launchAutoUnlock = true;
export function setLaunchAutoUnlock(on: boolean): void {
	launchAutoUnlock = on;
}

/**
 * A browser with a profile on disk (not incognito), as on a real device: what it stores survives
 * closing the browser. The same Chromium and flags as every other test.
 */
export async function launchProfile(
	dir: string,
	options: Parameters<typeof chromium.launchPersistentContext>[1] = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: chromiumPath(),
		args: CHROMIUM_ARGS,
		baseURL: `http://${APP_HOST}`,
		locale: 'en-GB',
		timezoneId: 'Europe/Copenhagen',
		serviceWorkers: 'allow',
		...options
	});
	watchContext(context, launchAutoUnlock);
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
	// Chromium 150's offline emulation reports `navigator.onLine` as true again once a page the
	// service worker controls is reloaded (checked by hand: false after setOffline, true after the
	// reload), which a device with its network off never does. Pages loaded from now on say false.
	await context.addInitScript(() =>
		Object.defineProperty(Navigator.prototype, 'onLine', { get: () => false, configurable: true })
	);
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
	await openApp(page, '/settings');
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

/** The set-up screen of a fresh device, or Settings → Workspace → Try with demo data. */
export async function startDemo(page: Page): Promise<void> {
	const tryDemo = /^(Try with demo data|Prøv med demodata)$/;
	// A fresh device's set-up screen offers the demo too: taken from there, as a newcomer would,
	// the own workspace is not set up first (which costs a key derivation and a few seconds).
	paused.add(page);
	try {
		if (!(await appShown(page))) await page.goto('/');
		const setup = vaultScreen(page).and(page.locator('[data-screen="setup"]'));
		await expect(vaultScreen(page).or(page.getByRole('navigation')).first()).toBeVisible();
		if (await setup.isVisible()) {
			await setup.getByRole('button', { name: tryDemo }).click();
			// Until the demo has opened the set-up screen stays (with its progress bar).
			await expect(demoBanner(page)).toBeVisible({ timeout: 60_000 });
		}
	} finally {
		paused.delete(page);
	}
	if (!(await demoBanner(page).isVisible())) {
		await openApp(page, '/settings');
		await page
			.getByRole('region', { name: /^(Workspace|Arbejdsområde)$/ })
			.getByRole('button', { name: tryDemo })
			.click();
	}
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

// Exports and imports of backups, encrypted or not (the export dialog's verbs).
export * from './export-driver';

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
	// In the page as it is and in every page loaded after (the patch is put in once per page).
	await page.context().addInitScript(patchDiskFull, full);
	await page.evaluate(patchDiskFull, full);
}

function patchDiskFull(on: boolean): void {
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
	IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
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
