/**
 * Whether the app needs its recording bar and recorder. Both weigh about 12 KiB gzipped (the fix
 * filter, the track writer, stop detection), so the first screen loads them only when a day is in
 * progress: the recorder leaves a hint in localStorage while a day runs (so a reload picks the day
 * up again), and any screen that loads the recorder (starting a day, a day's page) asks for the bar.
 */
const HINT = 'stedsans.recording';

function readHint(): boolean {
	try {
		return localStorage.getItem(HINT) !== null;
	} catch {
		return false;
	}
}

class RecordingPresence {
	#wanted = $state(readHint());
	#status = $state.raw<(() => string) | null>(null);

	get wanted(): boolean {
		return this.#wanted;
	}

	/** Positions are being recorded now (false until the recorder has loaded). */
	get recording(): boolean {
		return this.#status?.() === 'recording';
	}

	/**
	 * The recorder is loaded: show the bar (it attaches the recorder to the open workspace).
	 * `status` reads the recorder's state, for screens that must not load it (the lock screen).
	 */
	want(status: () => string): void {
		this.#wanted = true;
		this.#status = status;
	}

	/** A day started or was picked up again: load the recorder on the next start too. */
	remember(): void {
		this.#wanted = true;
		try {
			// Only that a day runs, not which: localStorage is readable on a locked device.
			localStorage.setItem(HINT, '1');
		} catch {
			// private mode: the follow-alongs screen still picks the day up
		}
	}

	/** No day is in progress any more. */
	forget(): void {
		try {
			localStorage.removeItem(HINT);
		} catch {
			// nothing to forget
		}
	}
}

export const recordingPresence = new RecordingPresence();
