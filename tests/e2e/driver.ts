import { expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The user's verbs, so specs read like what someone does with the app. */

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 860 };

export const SHARED = new URL('../../../shared/', import.meta.url).pathname;

/** Opens the app and waits until the workspace is ready (the navigation is shown). */
export async function openApp(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await expect(page.getByRole('navigation')).toBeVisible();
	await expect(page.locator('main#main')).toBeVisible();
}

/** Waits until the service worker has installed and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		return !!reg?.active;
	});
	// The first load is not controlled (clientsClaim is off, so nothing reloads under the user);
	// a reload hands the page to the service worker.
	if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

export async function goOffline(page: Page, context: BrowserContext): Promise<void> {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.clearBrowserCache');
	await context.setOffline(true);
}

export async function gotoSection(page: Page, name: string): Promise<void> {
	await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function setDisplayName(page: Page, name: string): Promise<void> {
	await page.goto('/settings');
	const field = page.getByLabel(/Your name or initials|Dit navn eller dine initialer/);
	await field.fill(name);
	await field.blur();
	await expect(page.getByText(/^(Saved|Gemt)$/)).toBeVisible();
}

export async function startDemo(page: Page): Promise<void> {
	await openApp(page, '/');
	await page.getByRole('button', { name: /Try with demo data|Prøv med demodata/ }).click();
	await expect(
		page.getByRole('complementary', { name: /Demo workspace|Demo-arbejdsområde/ })
	).toBeVisible();
}

export async function exportBackup(page: Page, into: string): Promise<string> {
	await page.goto('/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: /Export backup|Eksportér sikkerhedskopi/ }).click();
	const file = await download;
	const path = `${into}/${file.suggestedFilename()}`;
	await file.saveAs(path);
	return path;
}

export async function importBackup(
	page: Page,
	file: string | { name: string; buffer: Buffer }
): Promise<void> {
	await page.goto('/settings');
	const input = page.locator('input[type=file]').first();
	if (typeof file === 'string') await input.setInputFiles(file);
	else
		await input.setInputFiles({
			name: file.name,
			mimeType: 'application/json',
			buffer: file.buffer
		});
}

export async function eraseWorkspace(page: Page): Promise<void> {
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Erase all my data' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Erase all my data' }).click();
	await expect(page.getByRole('status')).toContainText('Your workspace was erased');
}

export function alertRegion(page: Page) {
	return page.getByRole('alert');
}

export function statusRegion(page: Page) {
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
		return !['127.0.0.1:4173', 'localhost:4173', ...allowedHosts].includes(url.host);
	});
}

export function sharedFile(path: string): string {
	return readFileSync(SHARED + path, 'utf8');
}
