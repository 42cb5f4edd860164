import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutoLockTimer, HIDDEN_LOCK_MS } from './auto-lock.service';

const MIN = 60_000;

describe('auto-lock', () => {
	beforeEach(() => void vi.useFakeTimers());
	afterEach(() => void vi.useRealTimers());

	it('locks after the idle time, counted from the last use', () => {
		const lock = vi.fn();
		const timer = new AutoLockTimer(5 * MIN, lock);
		vi.advanceTimersByTime(4 * MIN);
		timer.activity();
		vi.advanceTimersByTime(4 * MIN);
		expect(lock).not.toHaveBeenCalled();
		vi.advanceTimersByTime(MIN);
		expect(lock).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(10 * MIN);
		expect(lock).toHaveBeenCalledTimes(1);
	});

	it('locks 60 s after the page is hidden, not when it comes back sooner', () => {
		const lock = vi.fn();
		const timer = new AutoLockTimer(30 * MIN, lock);
		timer.hidden();
		vi.advanceTimersByTime(HIDDEN_LOCK_MS - 1_000);
		timer.visible();
		vi.advanceTimersByTime(HIDDEN_LOCK_MS);
		expect(lock).not.toHaveBeenCalled();
		timer.hidden();
		vi.advanceTimersByTime(HIDDEN_LOCK_MS);
		expect(lock).toHaveBeenCalledTimes(1);
	});

	it('locks on coming back when the hidden page’s timers were frozen past 60 s', () => {
		const lock = vi.fn();
		let now = 0;
		const timer = new AutoLockTimer(30 * MIN, lock, () => now);
		timer.hidden();
		now = 5 * MIN; // the clock moved on, the timers did not fire
		timer.visible();
		expect(lock).toHaveBeenCalledTimes(1);
	});

	it('does nothing once stopped (the workspace locked or closed another way)', () => {
		const lock = vi.fn();
		const timer = new AutoLockTimer(MIN, lock);
		timer.hidden();
		timer.stop();
		vi.advanceTimersByTime(10 * MIN);
		expect(lock).not.toHaveBeenCalled();
	});
});
