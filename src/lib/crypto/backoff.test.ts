import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_DELAY_MS } from './backoff';

describe('wrong-passphrase back-off', () => {
	it('is free for the first three failures, then doubles from 1 s, capped at 5 minutes', () => {
		expect([0, 1, 2, 3].map(backoffDelay)).toEqual([0, 0, 0, 0]);
		expect([4, 5, 6, 7, 12].map(backoffDelay)).toEqual([1000, 2000, 4000, 8000, 256_000]);
		expect(backoffDelay(13)).toBe(MAX_DELAY_MS);
		expect(backoffDelay(1000)).toBe(MAX_DELAY_MS);
		expect(backoffDelay(Infinity)).toBe(MAX_DELAY_MS);
	});

	it('never decreases and treats nonsense counts as none', () => {
		for (let n = 0; n < 40; n++)
			expect(backoffDelay(n + 1)).toBeGreaterThanOrEqual(backoffDelay(n));
		expect(backoffDelay(NaN)).toBe(0);
		expect(backoffDelay(-5)).toBe(0);
	});
});
