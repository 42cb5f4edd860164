import { describe, expect, it } from 'vitest';
import { isoCopenhagen } from '../format/datetime';
import { copenhagenClock } from './clock';

describe('the Copenhagen clock of an export', () => {
	it('says what isoCopenhagen says, across both summer-time changes', () => {
		const clock = copenhagenClock();
		const start = Date.UTC(2026, 2, 28, 22);
		for (let ms = start; ms < start + 3 * 86_400_000; ms += 7 * 60_000 + 13_000)
			expect(clock(ms)).toBe(isoCopenhagen(ms));
		const autumn = Date.UTC(2026, 9, 24, 22);
		for (let ms = autumn; ms < autumn + 3 * 86_400_000; ms += 11 * 60_000 + 7_000)
			expect(clock(ms)).toBe(isoCopenhagen(ms));
	});
});
