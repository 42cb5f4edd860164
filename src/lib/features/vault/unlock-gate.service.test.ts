import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, FREE_ATTEMPTS } from '$lib/crypto/backoff';
import { CHEAP_KDF } from '$lib/testing/crypto';
import { identityCodec, useCodec } from '$lib/db/codec';
import { readFailures, saveFailures } from '$lib/db/keystore';
import { dropWorkspace, freshWorkspace } from '$lib/testing/workspace';
import { clearTimes } from '$lib/testing/clear-times';
import { closeWorkspace, openWorkspace } from '$lib/db/workspace';
import * as vault from './vault.service';

const PASS = 'tabby cruelty rotunda unlatch';
const WRONG = 'wrong wrong wrong wrong';

/** The back-off's monotonic clock, moved by hand; the device clock is moved separately. */
const clock = { t: 1_000, now: () => clock.t };

vault.setKdfOptionsForTests(CHEAP_KDF);

let name = '';
beforeEach(async () => {
	name = await freshWorkspace();
	vault.setUnlockClockForTests?.(clock);
	expect(await vault.attachVault()).toBe('new');
	await vault.commitKeys(await vault.prepareKeys(PASS));
	vault.lockVault();
});
afterEach(async () => {
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
	useCodec(identityCodec);
	await dropWorkspace(name);
});

/** What became of each attempt: the error's name, or "opened". */
async function attempts(n: number, passphrase = WRONG): Promise<string[]> {
	const results = await Promise.allSettled(
		Array.from({ length: n }, () => vault.unlock(passphrase))
	);
	return results.map((r) => (r.status === 'fulfilled' ? 'opened' : (r.reason as Error).name));
}

const count = (names: string[], name: string) => names.filter((n) => n === name).length;

/** A reload: the workspace opens again, and nothing of the page's memory is left. */
async function reload(): Promise<void> {
	closeWorkspace();
	await openWorkspace('main', name);
	expect(await vault.attachVault()).toBe('locked');
}

describe('the wrong-passphrase back-off', () => {
	it('counts every one of 20 parallel wrong attempts, and lets only the free ones try', async () => {
		const names = await attempts(20);
		expect(count(names, 'WrongPassphraseError')).toBe(FREE_ATTEMPTS + 1);
		expect(count(names, 'TooSoonError')).toBe(20 - FREE_ATTEMPTS - 1);
		expect((await readFailures()).count).toBe(20);
	});

	it('moves the counter from 6 to 26 under 20 parallel attempts, of which one may try', async () => {
		// Six failures whose wait is over.
		await saveFailures({ count: 6, served: backoffDelay(6) });
		await reload();
		const names = await attempts(20);
		expect(count(names, 'WrongPassphraseError')).toBe(1);
		expect(count(names, 'TooSoonError')).toBe(19);
		expect((await readFailures()).count).toBe(26);
	});

	it('makes even the right passphrase wait, and lets it in once the wait is over', async () => {
		await attempts(FREE_ATTEMPTS + 1);
		expect(await attempts(1, PASS)).toEqual(['TooSoonError']);
		// That try counted too: five failures now, two seconds.
		const { failures, waitMs } = await vault.nextUnlockAttempt();
		expect([failures, waitMs]).toEqual([5, backoffDelay(5)]);
		clock.t += waitMs;
		expect(await attempts(1, PASS)).toEqual(['opened']);
		expect((await readFailures()).count).toBe(0);
	});

	it('is not shortened by a device clock set forward, in the page or after a reload', async () => {
		await attempts(FREE_ATTEMPTS + 1);
		const inAnHour = Date.now() + 3_600_000;
		vi.spyOn(Date, 'now').mockReturnValue(inAnHour);
		expect(await attempts(1, PASS)).toEqual(['TooSoonError']);
		await reload();
		vi.spyOn(Date, 'now').mockReturnValue(inAnHour + 86_400_000);
		expect(await attempts(1, PASS)).toEqual(['TooSoonError']);
		const { waitMs } = await vault.nextUnlockAttempt();
		expect(waitMs).toBe(backoffDelay(FREE_ATTEMPTS + 3));
		clock.t += waitMs - 1;
		expect(await attempts(1, PASS)).toEqual(['TooSoonError']);
	});

	it('keeps the count of wrong passphrases, not their time: a locked workspace shows no time finer than a day', async () => {
		await attempts(FREE_ATTEMPTS + 1);
		await reload();
		expect((await readFailures()).count).toBe(FREE_ATTEMPTS + 1);
		expect(await clearTimes()).toEqual([]);
	});

	it('does not serve again after a reload what was sat out before it', async () => {
		await saveFailures({ count: 6, served: 0 });
		await reload();
		expect((await vault.nextUnlockAttempt()).waitMs).toBe(4_000);
		clock.t += 3_000;
		expect((await vault.nextUnlockAttempt()).waitMs).toBe(1_000); // and the progress is stored
		await reload();
		expect((await vault.nextUnlockAttempt()).waitMs).toBe(1_000);
		clock.t += 1_000;
		expect(await attempts(1, PASS)).toEqual(['opened']);
	});

	it('does not count a try that tested nothing (the device could not derive the key)', async () => {
		vault.setKdfOptionsForTests({ ...CHEAP_KDF, wasm: false });
		try {
			expect(await attempts(3, PASS)).toEqual([
				'KdfUnavailableError',
				'KdfUnavailableError',
				'KdfUnavailableError'
			]);
		} finally {
			vault.setKdfOptionsForTests(CHEAP_KDF);
		}
		expect((await readFailures()).count).toBe(0);
	});

	it('takes the Web Lock, where the browser has one, for every attempt', async () => {
		const request = vi.fn((_name: string, fn: () => Promise<unknown>) => fn());
		vi.stubGlobal('navigator', { locks: { request } });
		await attempts(2);
		expect(request).toHaveBeenCalledTimes(2);
		expect(request.mock.calls.map((c) => c[0])).toEqual(['stedsans-unlock', 'stedsans-unlock']);
	});
});
