import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { loadApp } from './driver';

/** The user's verbs for team sync, and the relay the tests start (it serves the built app too). */

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface TestRelay {
	url: string;
	dataDir: string;
	child: ChildProcess;
	stop(): Promise<void>;
}

/**
 * `npm run server -- --port … --data <tmp> --app build`, as an operator would run it: the relay
 * serves the production build at its own origin, so the app reaches it as 'self' under its
 * Content Security Policy (docs/team-sync.md).
 */
export function startRelay(port: number): Promise<TestRelay> {
	const dataDir = mkdtempSync(join(tmpdir(), 'e2e-relay-'));
	const child = spawn(
		process.execPath,
		['server/scripts/relay.mjs', '--port', String(port), '--data', dataDir, '--app', 'build'],
		{ cwd: root, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return new Promise((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			if (out.includes('"msg":"listening"'))
				resolve({
					url: `http://127.0.0.1:${port}`,
					dataDir,
					child,
					async stop() {
						child.kill('SIGTERM');
						await exited;
					}
				});
		});
		child.once('exit', (code) => reject(new Error(`relay exited (${code}): ${out}`)));
	});
}

export async function openTeamSync(page: Page): Promise<void> {
	// Loaded afresh: a start syncs at once, so "synced" below is the state after this sync.
	await loadApp(page, '/settings/sync');
	await expect(
		page.getByRole('heading', { level: 1, name: /^(Team sync|Teamsynkronisering)$/ })
	).toBeVisible();
}

export function syncStatus(page: Page) {
	return page.getByTestId('sync-status');
}

/** In the navigation: the status link (its name says the state and the last sync). */
/** The sync mark: in the side bar on a wide screen, in the header on a phone (its bar holds five). */
export function navSyncStatus(page: Page) {
	return page
		.getByRole('link', { name: /^(Team sync|Teamsynkronisering):/ })
		.filter({ visible: true });
}

export async function createTeam(page: Page): Promise<void> {
	await openTeamSync(page);
	await page.getByRole('button', { name: 'Create a team' }).click();
	await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible({ timeout: 30_000 });
}

export async function makeInvite(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Make an invite' }).click();
	await expect(page.getByRole('img', { name: 'QR code of the invite' })).toBeVisible();
	return (await page.getByTestId('invite-code').innerText()).trim();
}

export async function joinTeam(page: Page, code: string): Promise<void> {
	await openTeamSync(page);
	await page.getByLabel('Invite code').fill(code);
	await page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible({ timeout: 30_000 });
}

/** Waits until the navigation says everything is sent and received. */
export async function expectSynced(page: Page, timeout = 30_000): Promise<void> {
	await expect(navSyncStatus(page)).toHaveAttribute('data-condition', 'synced', { timeout });
}
