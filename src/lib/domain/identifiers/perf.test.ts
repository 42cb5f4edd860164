import { describe, expect, it } from 'vitest';
import { scanIdentifiers } from './scan';
import { bigNote, NAMES } from '$lib/testing/identifier-text';

// The speed targets (a 100 kB note ≤ 50 ms, hostile input ≤ 200 ms) are benchmarks:
// scan.bench.ts, run by `npm run bench`. What stays here is what the scan finds.
describe('scanning a long note', () => {
	it('finds the identifiers in a 100 kB note, the same on every scan', () => {
		const text = bigNote(100_000);
		const first = scanIdentifiers(text, { names: NAMES });
		expect(first.length).toBeGreaterThan(10);
		// Run again: a global pattern's lastIndex left over from the last scan would change this.
		for (let i = 0; i < 4; i++) expect(scanIdentifiers(text, { names: NAMES })).toEqual(first);
	});
});
