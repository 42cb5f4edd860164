import { runAxe } from './axe';
import { expect, test } from './fixtures';
import {
	DESKTOP,
	PHONE,
	typePassphrase,
	setUpPassphrase,
	TEST_PASSPHRASE,
	unlockApp,
	vaultScreen,
	expectAppReady
} from './driver';
import { openedRecords, seedPlaintextWorkspace } from './lock-driver';

test.use({ autoUnlock: false, viewport: PHONE });

const NOTES = 20_000;
const MARKER = 'Førkrypteringen';

test('a workspace from before encryption is encrypted in place, with progress, survives a reload half-way and keeps everything', async ({
	page
}) => {
	test.setTimeout(180_000);
	await seedPlaintextWorkspace(page, { notes: NOTES, marker: MARKER, participant: 'NV-404' });
	const screen = vaultScreen(page);
	await expect(screen).toHaveAttribute('data-screen', 'setup');
	await expect(screen).toContainText(
		'This workspace already holds data that is not encrypted yet.'
	);
	await page.screenshot({ path: 'tests/.out/screens/lock-setup-existing-en-phone.png' });

	// Choose a passphrase: the records are encrypted in batches, with a progress bar.
	await screen.getByLabel('Passphrase', { exact: true }).fill(TEST_PASSPHRASE);
	await screen.getByLabel('Passphrase again').fill(TEST_PASSPHRASE);
	await screen.getByRole('button', { name: 'Encrypt and continue' }).click();
	await screen.getByRole('checkbox', { name: /recovery key/ }).check();
	await screen.getByRole('button', { name: 'Continue' }).click();
	const progress = screen.getByTestId('encrypt-progress');
	await expect(progress).toContainText(/[1-9]\d?,\d{3} of 20,001 records encrypted/);
	await page.screenshot({ path: 'tests/.out/screens/lock-migrating-en-phone.png' });
	const axe = await runAxe(page);
	expect(
		axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
	).toEqual([]);

	// The tab is closed half-way, three times (and the phone turned, the language changed): each
	// next start asks for the passphrase and carries on from where it was.
	for (const [size, lang] of [
		[DESKTOP, 'en'],
		[PHONE, 'da'],
		[DESKTOP, 'da']
	] as const) {
		await page.evaluate((l) => localStorage.setItem('stedsans.locale', l), lang);
		await page.setViewportSize(size);
		await page.reload();
		await expect(screen).toHaveAttribute('data-screen', 'locked');
		await typePassphrase(page, TEST_PASSPHRASE);
		await expect(progress).toContainText(/\d+ (of|af) 20[,.]001/);
		const name = `${lang}-${size === PHONE ? 'phone' : 'desktop'}`;
		await page.screenshot({ path: `tests/.out/screens/lock-migrating-${name}.png` });
	}
	await expect(screen).toBeHidden({ timeout: 60_000 });
	await expectAppReady(page);
	await page.evaluate(() => localStorage.setItem('stedsans.locale', 'en'));
	await page.goto('/notes');
	await unlockApp(page);
	await expect(page.getByTestId('notes-count')).toHaveText(`${NOTES} notes`, {
		timeout: 30_000
	});
	await page.getByRole('searchbox', { name: 'Search notes' }).fill('note 19999');
	await expect(page.getByRole('article').filter({ hasText: `${MARKER} note 19999` })).toBeVisible();

	// Every record is sealed now, and each opens to what was written before encryption.
	const records = await openedRecords(page);
	const notes = records.filter((r) => r.table === 'notes');
	expect(notes).toHaveLength(NOTES);
	expect(records.every((r) => typeof r.row.payload === 'string')).toBe(true);
	const texts = new Set(notes.map((n) => (n.content as { text: string }).text));
	for (const i of [0, 1, 9_999, 19_999])
		expect(texts).toContain(`${MARKER} note ${i} ved trappen på Halmtorvet`);
	const participant = records.find((r) => r.table === 'participants');
	expect((participant?.content as { code: string }).code).toBe('NV-404');
});

test('a fresh device offers the passphrase and the demo; the demo is never locked', async ({
	page
}) => {
	await page.goto('/');
	await expect(vaultScreen(page)).toHaveAttribute('data-screen', 'setup');
	await vaultScreen(page).getByRole('button', { name: 'Try with demo data' }).click();
	await page.waitForURL('**/notes', { timeout: 60_000 });
	await expect(page.getByRole('complementary', { name: 'Demo workspace' })).toContainText(
		'Synthetic data, not encrypted — do not write real field notes here.'
	);
	// No Lock in the demo, and a reload opens it without a passphrase.
	await expect(page.getByRole('button', { name: 'Lock Stedsans' })).toHaveCount(0);
	await page.reload();
	await expectAppReady(page);
	await page.goto('/settings');
	await expect(page.getByRole('region', { name: 'Security' })).toContainText(
		'The demo workspace holds only synthetic data and is neither encrypted nor locked.'
	);
	// Back in the own workspace: still to be set up.
	await page.getByRole('button', { name: 'Back to my workspace' }).click();
	await expect(vaultScreen(page)).toHaveAttribute('data-screen', 'setup');
	await setUpPassphrase(page);
	await expect(page.getByRole('button', { name: 'Lock Stedsans' })).toBeVisible();
});
