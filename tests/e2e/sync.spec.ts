import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { runAxe } from './axe';
import { allowHost, chooseLanguage, DESKTOP, openApp, PHONE, watchContext } from './driver';
import { expect, test } from './fixtures';
import { computeHeatmap, openHeatmaps, reportValue } from './heatmaps-driver';
import { addParticipant, expectSaved, newNote, noteEditor, typeNote } from './notes-driver';
import { addPlace, conflictCard, glossaryNames } from './places-driver';
import {
	createTeam,
	expectSynced,
	joinTeam,
	makeInvite,
	navSyncStatus,
	openTeamSync,
	startRelay,
	type TestRelay
} from './sync-driver';

/**
 * Two devices (two browser profiles) in one team through a relay started here on 127.0.0.1,
 * which also serves the production build (so the app reaches it as its own origin). The tests
 * share the set-up and run in order: the team made in the first is used by the next.
 */
test.describe.configure({ mode: 'serial' });

async function expectNoSeriousViolations(page: Page): Promise<void> {
	const { violations } = await runAxe(page);
	const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}
test.setTimeout(180_000);

const PORT = 4321;
const MARKERS = ['Kaffe ved trappen', 'Kirketrappen ved Istedgade', 'Kun på A', 'Kun på B'];
let relay: TestRelay;
let contexts: BrowserContext[] = [];
let A: Page;
let B: Page;

async function language(page: Page, name: 'English' | 'Dansk'): Promise<void> {
	await openApp(page, '/settings');
	await chooseLanguage(page, name);
}

/** Team sync at phone and desktop size, in English and Danish: screenshots and axe. */
async function lookAt(page: Page, name: string): Promise<void> {
	for (const lang of ['en', 'da'] as const) {
		if (lang === 'da') await language(page, 'Dansk');
		await openTeamSync(page);
		for (const [size, viewport] of [
			['phone', PHONE],
			['desktop', DESKTOP]
		] as const) {
			await page.setViewportSize(viewport);
			await page.screenshot({
				path: `test-results/sync/${name}-${lang}-${size}.png`,
				fullPage: true
			});
		}
		await page.setViewportSize(PHONE);
		await expectNoSeriousViolations(page);
	}
}

async function device(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL: relay.url, viewport: PHONE });
	watchContext(context);
	contexts.push(context);
	return context.newPage();
}

test.beforeAll(async () => {
	relay = await startRelay(PORT);
});
test.afterAll(async () => {
	for (const c of contexts) await c.close();
	contexts = [];
	await relay?.stop();
});
test.beforeEach(() => allowHost(`127.0.0.1:${PORT}`));

test('a team of two: a note from A shows on B within 5 s, a place from B in A’s glossary', async ({
	browser
}) => {
	A = await device(browser);
	B = await device(browser);
	await createTeam(A);
	const code = await makeInvite(A);
	await joinTeam(B, code);
	// B is let in once A's device has checked its invite proof; then both say they are synced.
	await expectSynced(B);
	await expectSynced(A);

	// B looks at its notes (moving within the app: no reload, so no unlock) while A writes one.
	await B.getByRole('navigation').getByRole('link', { name: 'Notes', exact: true }).click();
	await expect(B.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
	await newNote(A);
	await typeNote(A, MARKERS[0]!);
	await expectSaved(A);
	await expect(B.getByText(MARKERS[0]!)).toBeVisible({ timeout: 5_000 });

	await addPlace(B, { name: MARKERS[1]! });
	await expectSynced(B);
	await expect.poll(() => glossaryNames(A), { timeout: 60_000 }).toContain(MARKERS[1]);

	// Screens looked at: Team sync and the status, phone and desktop, English and Danish.
	await lookAt(A, 'team-sync');
	await language(A, 'English');
});

test('both offline, both edit the same note and one each: nothing lost, the clash shown as a conflict', async () => {
	// Both open the same note while online, then lose the network.
	for (const page of [A, B]) {
		await page.goto('/notes');
		await page.getByText(MARKERS[0]!).click();
		await expect(noteEditor(page)).toBeVisible();
	}
	for (const [page, marker] of [
		[A, MARKERS[2]!],
		[B, MARKERS[3]!]
	] as const) {
		await page.context().setOffline(true);
		await expect(navSyncStatus(page)).toHaveAttribute('data-condition', 'offline');
		await noteEditor(page).press('End');
		await typeNote(page, page === A ? ', sagde A' : ', sagde B');
		await expectSaved(page);
		await newNote(page);
		await typeNote(page, marker);
		await expectSaved(page);
		await expect(navSyncStatus(page)).toHaveAttribute('data-condition', 'offline');
	}
	for (const page of [A, B]) await page.context().setOffline(false);
	for (const page of [A, B]) await expectSynced(page, 60_000);
	// A second round on each, so each has pulled what the other pushed.
	for (const page of [A, B, A]) {
		await openTeamSync(page);
		await page.getByRole('button', { name: 'Sync now' }).click();
		await expectSynced(page);
	}

	for (const page of [A, B]) {
		await page.goto('/notes');
		for (const marker of MARKERS.slice(2)) await expect(page.getByText(marker)).toBeVisible();
		await openTeamSync(page);
		await expect(conflictCard(page)).toBeVisible();
		await expect(conflictCard(page)).toContainText(`${MARKERS[0]}, sagde A`);
		await expect(conflictCard(page)).toContainText(`${MARKERS[0]}, sagde B`);
	}
	await lookAt(B, 'conflict');
	await language(B, 'English');
	// B settles it; A takes the settled version and its conflict goes away.
	await openTeamSync(B);
	await conflictCard(B).getByRole('button', { name: 'Take theirs' }).click();
	await expect(conflictCard(B)).toBeHidden();
	await expectSynced(B);
	await openTeamSync(A);
	await A.getByRole('button', { name: 'Sync now' }).click();
	await expect(conflictCard(A)).toBeHidden({ timeout: 15_000 });
});

test('a withdrawal on A takes the participant out of B’s heatmap', async () => {
	const code = await addParticipant(A, { neighbourhood: 'Vesterbro', code: 'VB-901' });
	await expectSynced(A);
	const leftOut = async () => {
		await openTeamSync(B);
		await B.getByRole('button', { name: 'Sync now' }).click();
		await expectSynced(B);
		await openHeatmaps(B);
		await computeHeatmap(B);
		return reportValue(B, /^Participants left out$/);
	};
	expect(await leftOut()).toContain('0 withdrawn');

	await A.goto('/notes/participants');
	await A.getByRole('button', { name: `Withdraw ${code}` }).click();
	await A.getByRole('dialog').getByRole('button', { name: 'Withdraw' }).click();
	await expect(A.getByRole('status')).toContainText(`${code} has withdrawn`);
	await expectSynced(A);
	// Counts about people leave the device in bands (docs/heatmaps.md): one is "1–4".
	expect(await leftOut()).toContain('1–4 withdrawn');
});

test('the admin removes B: B is told so, and the relay holds no note text or place name', async () => {
	await openTeamSync(A);
	await A.getByRole('button', { name: /^Remove device/ }).click();
	await A.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
	await expect(A.getByText('removed', { exact: true })).toBeVisible();
	await newNote(A);
	await typeNote(A, 'Skrevet efter fjernelsen');
	await expectSaved(A);
	await expectSynced(A);
	await openTeamSync(B);
	await B.getByRole('button', { name: 'Sync now' }).click();
	await expect(
		B.getByRole('alert').filter({ hasText: 'This device was removed from the team' })
	).toBeVisible();
	// What B had it keeps; what A wrote after the removal never reaches it.
	await B.getByRole('navigation').getByRole('link', { name: 'Notes', exact: true }).click();
	await expect(B.getByText(MARKERS[2]!)).toBeVisible();
	await expect(B.getByText('Skrevet efter fjernelsen')).toHaveCount(0);

	await relay.stop();
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const f of readdirSync(dir)) {
			const p = join(dir, f);
			if (statSync(p).isDirectory()) walk(p);
			else files.push(p);
		}
	};
	walk(relay.dataDir);
	const found = files.flatMap((f) => {
		const bytes = readFileSync(f);
		return [...MARKERS, 'Skrevet efter fjernelsen'].filter((m) => bytes.includes(Buffer.from(m)));
	});
	expect(found).toEqual([]);
});
