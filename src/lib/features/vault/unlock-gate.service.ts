import { backoffDelay } from '$lib/crypto/backoff';
import * as keystore from '$lib/db/keystore';

/**
 * The wrong-passphrase back-off, enforced (docs/security.md, "Wrong passphrases").
 *
 * Every attempt is counted, in storage, before the passphrase is tried, one attempt at a time
 * (an in-page queue, and a Web Lock across tabs where the browser has them): attempts made side
 * by side cannot all slip in before the first failure is written, and a page closed while the
 * key is being derived cannot take its attempt back. An attempt made during the wait counts too,
 * and is refused without deriving anything.
 *
 * The wait is measured on a monotonic clock (`performance.now()`), which the device's clock does
 * not move, and it is only ever sat out with the app open: what was served of it is stored, so a
 * reload goes on from there, while a device clock set forward (or back) changes nothing. The
 * cost: a wait that was not sat out in the app is served again the next time the app opens.
 */

/** Too many wrong passphrases: the next try is allowed after `waitMs`. */
export class TooSoonError extends Error {
	override readonly name = 'TooSoonError';
	constructor(readonly waitMs: number) {
		super('Wait before trying another passphrase');
	}
}

/** A clock that only goes forward; performance.now() in the app, a stand-in in tests. */
export interface MonotonicClock {
	now(): number;
}

const LOCK_NAME = 'stedsans-unlock';
/** How often the progress of a running wait is written, so that a reload loses little of it. */
const PROGRESS_MS = 5_000;

interface Wait {
	count: number;
	/** When this page started measuring it, on the monotonic clock. */
	startedAt: number;
	/** What had been served of it before (in another page, before a reload). */
	servedBefore: number;
}

export class UnlockGate {
	#queue: Promise<unknown> = Promise.resolve();
	#wait: Wait | null = null;
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor(private clock: MonotonicClock = { now: () => performance.now() }) {}

	/** Runs `fn` alone: after every earlier call in this page, and in no other tab meanwhile. */
	exclusive<T>(fn: () => Promise<T>): Promise<T> {
		const locks = globalThis.navigator?.locks;
		// request() resolves with what the callback's promise resolves with (the DOM types say a
		// promise of it).
		const run = (): Promise<T> => (locks ? (locks.request(LOCK_NAME, fn) as Promise<T>) : fn());
		const result = this.#queue.then(run, run);
		this.#queue = result.catch(() => undefined);
		return result;
	}

	/** The wait left (ms) after `count` failures, of which `served` was sat out before. */
	#remaining(count: number, served: number): number {
		const delay = backoffDelay(count);
		if (delay === 0) return 0;
		if (this.#wait?.count !== count)
			this.#wait = { count, startedAt: this.clock.now(), servedBefore: Math.min(served, delay) };
		const { startedAt, servedBefore } = this.#wait;
		return Math.max(0, delay - servedBefore - (this.clock.now() - startedAt));
	}

	/** The failures so far and the wait left before the next attempt (ms). */
	async state(): Promise<{ failures: number; waitMs: number }> {
		return this.exclusive(async () => {
			const f = await keystore.readFailures();
			const waitMs = this.#remaining(f.count, f.served ?? 0);
			await this.#saveProgress(f);
			return { failures: f.count, waitMs };
		});
	}

	/**
	 * One attempt: counted first, refused with TooSoonError while the back-off says wait, else
	 * `derive` runs. `isGuess(e)` tells a wrong passphrase (which keeps the count and starts the
	 * next wait) from a failure that tried nothing (the device could not derive: not counted).
	 */
	attempt<T>(derive: () => Promise<T>, isGuess: (e: unknown) => boolean): Promise<T> {
		return this.exclusive(async () => {
			const before = await keystore.readFailures();
			const waitMs = this.#remaining(before.count, before.served ?? 0);
			const count = before.count + 1;
			await keystore.saveFailures({ count, served: 0 });
			if (waitMs > 0) {
				this.#begin(count);
				throw new TooSoonError(backoffDelay(count));
			}
			let result: T;
			try {
				result = await derive();
			} catch (e) {
				if (isGuess(e))
					this.#begin(count); // the wait counts from the failure
				else await keystore.saveFailures(before);
				throw e;
			}
			await keystore.saveFailures({ count: 0, served: 0 });
			this.reset();
			return result;
		});
	}

	/** Writes what has been served of the running wait (the whole of it once it is over). */
	persistProgress(): Promise<void> {
		return this.exclusive(async () => this.#saveProgress(await keystore.readFailures()));
	}

	async #saveProgress(f: keystore.UnlockFailures): Promise<void> {
		const wait = this.#wait;
		if (!wait || wait.count !== f.count) return;
		const delay = backoffDelay(wait.count);
		const served = Math.min(delay, wait.servedBefore + this.clock.now() - wait.startedAt);
		if (served > (f.served ?? 0)) await keystore.saveFailures({ ...f, served });
		if (served >= delay) this.#stopTimer();
	}

	/** Starts measuring the wait after `count` failures now, writing its progress as it goes. */
	#begin(count: number): void {
		this.#wait = null;
		this.#remaining(count, 0);
		this.#stopTimer();
		if (backoffDelay(count) === 0) return;
		this.#timer = setInterval(() => {
			// A closed or switched workspace has nothing to write to: the next page starts over.
			this.persistProgress().catch(() => this.#stopTimer());
		}, PROGRESS_MS);
		// In node (tests) the timer must not keep the process alive; browsers have no unref.
		(this.#timer as { unref?: () => void }).unref?.();
	}

	#stopTimer(): void {
		if (this.#timer !== null) clearInterval(this.#timer);
		this.#timer = null;
	}

	/** Another workspace, or the keys opened: nothing of the wait measured so far is kept here. */
	reset(): void {
		this.#stopTimer();
		this.#wait = null;
	}
}
