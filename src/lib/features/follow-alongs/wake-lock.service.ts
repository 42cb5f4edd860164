export type WakeLockState = 'off' | 'held' | 'unsupported' | 'refused';

/**
 * Keeps the screen on while recording (Screen Wake Lock API). The browser releases the lock
 * whenever the page is hidden, so `reacquire` is called when it is visible again.
 * https://www.w3.org/TR/screen-wake-lock/#handling-document-loss-of-visibility
 */
export class ScreenWakeLock {
	#sentinel: WakeLockSentinel | null = null;
	#wanted = false;

	async acquire(): Promise<WakeLockState> {
		this.#wanted = true;
		return this.#request();
	}

	/** After the page became visible again, if the lock is still wanted. */
	async reacquire(): Promise<WakeLockState> {
		return this.#wanted ? this.#request() : 'off';
	}

	async release(): Promise<void> {
		this.#wanted = false;
		const s = this.#sentinel;
		this.#sentinel = null;
		await s?.release().catch(() => {});
	}

	async #request(): Promise<WakeLockState> {
		if (!('wakeLock' in navigator)) return 'unsupported';
		if (this.#sentinel && !this.#sentinel.released) return 'held';
		try {
			this.#sentinel = await navigator.wakeLock.request('screen');
			return 'held';
		} catch {
			// Not allowed now (battery saver, a hidden page, a policy): recording goes on regardless.
			return 'refused';
		}
	}
}
