import { describe, expect, it } from 'vitest';
import { pushBatches } from './batches';

const env = (bytes: number, i: number) => ({
	id: `e${i}`,
	generation: 1,
	nonce: 'n',
	ciphertext: 'x'.repeat(bytes)
});

describe('push batches', () => {
	it('stay under the byte budget with large envelopes and under the count with small ones', () => {
		const big = Array.from({ length: 100 }, (_, i) => env(210_000, i));
		const batches = pushBatches(big, 6 * 1024 * 1024);
		expect(batches.flat()).toHaveLength(100);
		for (const b of batches)
			expect(b.reduce((s, e) => s + e.ciphertext.length, 0)).toBeLessThanOrEqual(6 * 1024 * 1024);
		expect(
			pushBatches(Array.from({ length: 1200 }, (_, i) => env(10, i))).map((b) => b.length)
		).toEqual([500, 500, 200]);
		expect(pushBatches([])).toEqual([]);
	});
});
