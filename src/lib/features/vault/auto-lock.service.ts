/** The app locks this long after it leaves the screen (another app, the screen off). */
export const HIDDEN_LOCK_MS = 60_000;

/**
 * When to lock by itself: after `idleMs` without use, and `HIDDEN_LOCK_MS` after the page was
 * hidden. Timers in a hidden page are throttled or frozen, so coming back also checks the
 * clock: a page hidden for longer than that locks the moment it is seen again.
 */
export class AutoLockTimer {
	#idleMs: number;
	#lastActivity: number;
	#hiddenAt: number | null = null;
	#idleTimer: ReturnType<typeof setTimeout> | undefined;
	#hiddenTimer: ReturnType<typeof setTimeout> | undefined;
	#stopped = false;

	constructor(
		idleMs: number,
		private readonly onLock: () => void,
		private readonly now: () => number = () => Date.now()
	) {
		this.#idleMs = idleMs;
		this.#lastActivity = now();
		this.#schedule(idleMs);
	}

	/** Someone touched, typed or scrolled: cheap, the timer looks at the time when it fires. */
	activity(): void {
		this.#lastActivity = this.now();
	}

	hidden(): void {
		if (this.#hiddenAt !== null) return;
		this.#hiddenAt = this.now();
		this.#hiddenTimer = setTimeout(() => this.#lock(), HIDDEN_LOCK_MS);
	}

	visible(): void {
		clearTimeout(this.#hiddenTimer);
		const since = this.#hiddenAt;
		this.#hiddenAt = null;
		if (since !== null && this.now() - since >= HIDDEN_LOCK_MS) this.#lock();
		else this.#check();
	}

	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#idleTimer);
		clearTimeout(this.#hiddenTimer);
	}

	#schedule(ms: number): void {
		clearTimeout(this.#idleTimer);
		this.#idleTimer = setTimeout(() => this.#check(), ms);
	}

	#check(): void {
		if (this.#stopped) return;
		const idle = this.now() - this.#lastActivity;
		if (idle >= this.#idleMs) this.#lock();
		else this.#schedule(this.#idleMs - idle);
	}

	#lock(): void {
		if (this.#stopped) return;
		this.stop();
		this.onLock();
	}
}
