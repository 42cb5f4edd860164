import { expect, test, type Page } from './fixtures';
import {
	alertRegion,
	autoUnlock,
	expectAppReady,
	setUpPassphrase,
	TEST_PASSPHRASE,
	typePassphrase,
	unlockApp,
	vaultScreen
} from './driver';
import {
	addFollowParticipant,
	allowPosition,
	fixCount,
	HALMTORVET,
	recordingPanel,
	startFollowAlong,
	storedRoute,
	walk
} from './follow-driver';
import { runAxe } from './axe';
import { dropBoxCount, tamper, type SavedRow } from './lock-driver';
import { withdraw } from './releases-driver';
import { expectSaved, newNote, typeNote } from './notes-driver';

// These tests are about the lock itself: nothing gets through it by itself.
test.use({ autoUnlock: false });

const MARKER = 'Skæbnefuglen';
const NEW_PASSPHRASE = 'gravel oyster mantra pinwheel';

async function lockFromNav(page: Page): Promise<void> {
	await page.getByRole('navigation').getByRole('button', { name: 'Lock Stedsans' }).click();
	await expect(vaultScreen(page)).toHaveAttribute('data-screen', 'locked');
}

/** Nothing of the workspace is on the screen or in the page: no text, no ready marker. */
async function expectNothingShown(page: Page): Promise<void> {
	await expect(page.locator('html')).not.toHaveAttribute('data-ready', 'true');
	expect(await page.content()).not.toContain(MARKER);
	await expect(page.getByRole('navigation')).toHaveCount(0);
}

async function writeNote(page: Page): Promise<void> {
	await page.goto('/notes');
	await unlockApp(page);
	await newNote(page);
	await typeNote(page, `${MARKER} sad på trappen`);
	await expectSaved(page);
	await page.goto('/notes');
	await unlockApp(page);
	await expect(page.getByRole('article').filter({ hasText: MARKER })).toBeVisible();
}

test('a wrong passphrase shows nothing and is slowed down; the right one and the recovery key bring everything back', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/');
	const recoveryKey = await setUpPassphrase(page);
	await writeNote(page);

	await lockFromNav(page);
	await expectNothingShown(page);

	// Three wrong tries are free: each says so, and nothing opens.
	for (let i = 0; i < 3; i++) {
		await typePassphrase(page, `wrong guess number ${i}`);
		await expect(page.locator('#unlock-passphrase-problem')).toContainText(
			'That passphrase is not right.'
		);
		await expect(vaultScreen(page)).toHaveAttribute('data-screen', 'locked');
		await expectNothingShown(page);
	}
	// From the fourth, each wrong try makes the next wait longer: 1 s, then 2 s.
	const unlock = vaultScreen(page).getByRole('button', { name: 'Unlock' });
	await typePassphrase(page, 'wrong guess number 3');
	await expect(vaultScreen(page).getByTestId('unlock-wait')).toContainText('try again in 1 s');
	await vaultScreen(page).getByLabel('Passphrase').fill(TEST_PASSPHRASE);
	await expect(unlock).toBeDisabled();
	await expect(unlock).toBeEnabled({ timeout: 3_000 });
	await typePassphrase(page, 'wrong guess number 4');
	await expect(vaultScreen(page).getByTestId('unlock-wait')).toContainText('try again in 2 s');
	await vaultScreen(page).getByLabel('Passphrase').fill('wrong guess number 5');
	await expect(unlock).toBeEnabled({ timeout: 3_000 });
	await unlock.click();
	await expect(vaultScreen(page).getByTestId('unlock-wait')).toContainText('try again in 4 s');
	// The count survives a reload: the wait is still there, and goes on from what was sat out
	// (stored every 5 s, so here all 4 s of it are served again after the reload).
	await page.reload();
	await expect(vaultScreen(page)).toHaveAttribute('data-screen', 'locked');
	await expect(vaultScreen(page).getByTestId('unlock-wait')).toContainText('try again in');
	await expectNothingShown(page);
	await vaultScreen(page).getByLabel('Passphrase').fill(TEST_PASSPHRASE);
	await expect(unlock).toBeEnabled({ timeout: 8_000 });

	await unlockApp(page, TEST_PASSPHRASE);
	await expectAppReady(page);
	await expect(page.getByRole('article').filter({ hasText: MARKER })).toBeVisible();

	// Forgot the passphrase: the recovery key opens it and sets a new one.
	await lockFromNav(page);
	await vaultScreen(page)
		.getByRole('button', { name: /Use the recovery key/ })
		.click();
	await vaultScreen(page).getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
	await vaultScreen(page).getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
	await vaultScreen(page).getByLabel('New passphrase again').fill(NEW_PASSPHRASE);
	await vaultScreen(page).getByRole('button', { name: 'Open and keep the new passphrase' }).click();
	await expect(vaultScreen(page)).toBeHidden();
	await expect(page.getByRole('article').filter({ hasText: MARKER })).toBeVisible();

	// From now on the new passphrase opens it, the old one does not.
	await page.reload();
	await typePassphrase(page, TEST_PASSPHRASE);
	await expect(page.locator('#unlock-passphrase-problem')).toContainText(
		'That passphrase is not right.'
	);
	await unlockApp(page, NEW_PASSPHRASE);
	await expect(page.getByRole('article').filter({ hasText: MARKER })).toBeVisible();
});

test('Change passphrase in Settings: the old one stops working, the data stays', async ({
	page
}) => {
	await page.goto('/');
	await setUpPassphrase(page);
	await writeNote(page);
	await page.goto('/settings');
	await unlockApp(page);
	const security = page.getByRole('region', { name: 'Security' });
	await expect(security).toContainText('Argon2id, 64 MiB, 3 passes');
	await security.getByRole('button', { name: 'Change passphrase' }).click();
	const dialog = page.getByRole('dialog', { name: 'Change passphrase' });
	await dialog.getByLabel('Current passphrase').fill('not my passphrase');
	await dialog.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
	await dialog.getByLabel('New passphrase again').fill(NEW_PASSPHRASE);
	await dialog.getByRole('button', { name: 'Change passphrase' }).click();
	await expect(alertRegion(page)).toContainText('That passphrase is not right.');
	await dialog.getByLabel('Current passphrase').fill(TEST_PASSPHRASE);
	await dialog.getByRole('button', { name: 'Change passphrase' }).click();
	await expect(page.getByRole('status')).toContainText('Passphrase changed.');

	await security.getByRole('button', { name: 'Lock now' }).click();
	await typePassphrase(page, TEST_PASSPHRASE);
	await expect(page.locator('#unlock-passphrase-problem')).toContainText(
		'That passphrase is not right.'
	);
	await unlockApp(page, NEW_PASSPHRASE);
	await page.goto('/notes');
	await unlockApp(page, NEW_PASSPHRASE);
	await expect(page.getByRole('article').filter({ hasText: MARKER })).toBeVisible();
});

/** As when the phone's screen goes off or another app comes in front. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
	await page.evaluate((hidden) => {
		Object.defineProperty(document, 'visibilityState', {
			configurable: true,
			get: () => (hidden ? 'hidden' : 'visible')
		});
		document.dispatchEvent(new Event('visibilitychange'));
	}, hidden);
}

test('locks by itself after the idle time (5 minutes, or as set) and 60 s after the app is hidden', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.clock.install();
	await page.goto('/');
	await setUpPassphrase(page);
	await writeNote(page);

	// Four minutes of nothing, a tap, four more: still open (the idle time counts from the tap).
	await page.clock.fastForward('04:00');
	await page.getByRole('heading', { level: 1 }).click();
	await page.clock.fastForward('04:00');
	await expect(page.getByRole('article').filter({ hasText: MARKER })).toBeVisible();
	await page.clock.fastForward('01:05');
	await expect(vaultScreen(page)).toHaveAttribute('data-screen', 'locked');
	await expectNothingShown(page);

	// Set to 1 minute in Settings.
	await unlockApp(page);
	await page.goto('/settings');
	await unlockApp(page);
	await page.getByLabel('Lock after this long without use').selectOption({ label: '1 min' });
	await expect(page.getByRole('status')).toContainText('Auto-lock saved.');
	await page.clock.fastForward('00:50');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await page.clock.fastForward('00:15');
	await expect(vaultScreen(page)).toHaveAttribute('data-screen', 'locked');

	// Hidden: back within the minute stays open, hidden a minute locks.
	await unlockApp(page);
	await setHidden(page, true);
	await page.clock.fastForward('00:40');
	await setHidden(page, false);
	await page.getByRole('heading', { level: 1 }).click();
	await page.clock.fastForward('00:30');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await setHidden(page, true);
	await page.clock.fastForward('01:01');
	await expect(vaultScreen(page)).toHaveAttribute('data-screen', 'locked');
	await setHidden(page, false);
	await expectNothingShown(page);
});

test('recording goes on behind the lock: fixes fed while locked are in the day after unlocking', async ({
	context,
	page
}) => {
	test.setTimeout(150_000);
	await allowPosition(context);
	await autoUnlock(page, true);
	await page.goto('/');
	await addFollowParticipant(page, 'VB-202');
	const id = await startFollowAlong(page, 'VB-202');
	const before = await walk(context, page, HALMTORVET, 12);
	await expect.poll(() => fixCount(page)).toBeGreaterThanOrEqual(10);
	const shownBefore = await fixCount(page);
	await autoUnlock(page, false);

	await lockFromNav(page);
	await expect(vaultScreen(page)).toContainText(
		'A follow-along is being recorded. Recording goes on while Stedsans is locked.'
	);
	const locked = await walk(context, page, before.at, 24);
	// The recorder writes every 5 s: what it wrote while locked went into the drop box.
	await expect.poll(() => dropBoxCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
	// Someone with storage access copies a deposit under a new id (without this unlock's tag):
	// it would add the same fixes twice. It is refused unopened, and said.
	const deposit = (await tamper(page, { op: 'save', table: 'dropBox' })) as SavedRow;
	await tamper(page, {
		op: 'restore',
		table: 'dropBox',
		row: { id: 'copied', payload: deposit.payload }
	});

	await unlockApp(page);
	await expect(page.getByRole('alert')).toContainText(
		'A batch of positions recorded behind the lock was not written by Stedsans on this device'
	);
	await expect(recordingPanel(page)).toBeVisible();
	await expect.poll(() => fixCount(page)).toBeGreaterThanOrEqual(shownBefore + 20);
	await expect.poll(() => dropBoxCount(page)).toBe(0);
	// The last fixes fed may still be in the recorder's buffer (written every 5 s).
	await expect
		.poll(async () => (await storedRoute(page, id)).last)
		.toBeGreaterThanOrEqual(locked.times.at(-1)! - 1_000);
	const stored = await storedRoute(page, id);
	expect(stored.count).toBeGreaterThanOrEqual(shownBefore + 20);
	// After a reload the day shows the same count: it is stored, not only in memory.
	await page.reload();
	await unlockApp(page);
	await expect.poll(() => fixCount(page)).toBe(stored.count);
});

test('changes made to storage outside the app are found after unlocking, shown, and acted on in no way', async ({
	page
}) => {
	test.setTimeout(150_000);
	await autoUnlock(page, true);
	await page.goto('/');
	await addFollowParticipant(page, 'VB-303');
	const consenting = (await tamper(page, { op: 'save', table: 'participants' })) as SavedRow;
	await withdraw(page, 'VB-303');
	const withdrawn = (await tamper(page, { op: 'save', table: 'participants' })) as SavedRow;
	await autoUnlock(page, false);
	const screen = vaultScreen(page);
	const changed = screen.getByTestId('changed-outside');
	const unlockAndFind = async (what: RegExp) => {
		await typePassphrase(page, TEST_PASSPHRASE);
		await expect(screen).toHaveAttribute('data-screen', 'changed');
		await expect(changed).toContainText(what);
		await expect(changed).toContainText('Stedsans has acted on nothing of it');
		await expect(page.getByRole('navigation')).toHaveCount(0);
	};
	const backToLock = async () => {
		await screen.getByRole('button', { name: 'Back to the lock screen' }).click();
		await expect(screen).toHaveAttribute('data-screen', 'locked');
	};

	// A withdrawn participant's older sealed row put back: they would be un-withdrawn.
	await lockFromNav(page);
	await tamper(page, { op: 'restore', table: 'participants', row: consenting });
	await typePassphrase(page, TEST_PASSPHRASE);
	await expect(screen).toHaveAttribute('data-screen', 'changed');
	await expect(changed).toContainText('an older copy put back');
	await page.screenshot({ path: 'tests/.out/screens/lock-changed-outside-en-desktop.png' });
	const axe = await runAxe(page);
	expect(
		axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
	).toEqual([]);
	await backToLock();

	// A plaintext row planted beside the real one: not read, not sealed, left where it was put.
	await tamper(page, { op: 'restore', table: 'participants', row: withdrawn });
	await tamper(page, {
		op: 'plant',
		table: 'participants',
		row: withdrawn,
		id: 'planted',
		payload: { code: 'XX-666' }
	});
	await unlockAndFind(/Records of this workspace were changed outside Stedsans/);
	expect(await tamper(page, { op: 'read', table: 'participants', id: 'planted' })).toEqual({
		sealed: false
	});
	await backToLock();
	await tamper(page, { op: 'delete', table: 'participants', id: 'planted' });

	// The encryption state set back to "migrating", so that plaintext would be accepted.
	await tamper(page, {
		op: 'meta',
		key: 'encryption',
		value: { state: 'migrating', cursor: null }
	});
	await tamper(page, {
		op: 'plant',
		table: 'participants',
		row: withdrawn,
		id: 'planted',
		payload: { code: 'XX-666' }
	});
	await unlockAndFind(/encryption settings of this workspace .* were changed/);
	expect(await tamper(page, { op: 'read', table: 'participants', id: 'planted' })).toEqual({
		sealed: false
	});
	await backToLock();

	// Put right, the workspace opens as it was: the participant still withdrawn.
	await tamper(page, { op: 'delete', table: 'participants', id: 'planted' });
	await tamper(page, { op: 'meta', key: 'encryption', value: { state: 'sealed' } });
	await unlockApp(page);
	await autoUnlock(page, true);
	await page.goto('/notes/participants');
	await expect(page.getByRole('listitem').filter({ hasText: 'VB-303' })).toContainText('Withdrawn');
});
