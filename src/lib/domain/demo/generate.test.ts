import { describe, expect, it } from 'vitest';
import { NEIGHBOURHOOD_KEYS } from '../neighbourhoods/keys';
import { STARTER_CODES } from '../codebook/starter';
import { generateDemo } from './generate';

describe('demo generator', () => {
	const demo = generateDemo();
	it('is the same every time', () => {
		expect(generateDemo()).toEqual(demo);
	});
	it('covers the three neighbourhoods with participants and a few hundred notes over months', () => {
		expect(demo.participants.length).toBeGreaterThanOrEqual(60);
		expect(demo.notes.length).toBeGreaterThanOrEqual(300);
		for (const nb of NEIGHBOURHOOD_KEYS)
			expect(demo.notes.filter((n) => n.neighbourhood === nb).length).toBeGreaterThan(50);
		const times = demo.notes.map((n) => n.observedAt);
		expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(90 * 86_400_000);
	});
	it('respects each participant’s consent and never uses withdrawn ones', () => {
		const byCode = new Map(demo.participants.map((p) => [p.code, p]));
		for (const n of demo.notes) {
			const people = n.participantCodes.map((c) => byCode.get(c)!);
			expect(people.every((p) => !p.withdrawn)).toBe(true);
			if (people.some((p) => p.consent.location !== 'cell')) expect(n.location).toBeNull();
			if (people.some((p) => p.consent.location === 'none')) expect(n.neighbourhood).toBeNull();
		}
	});
	it('uses codes from the starter codebook', () => {
		const keys = new Set(STARTER_CODES.map((c) => c.key));
		for (const n of demo.notes) for (const k of n.codeKeys) expect(keys.has(k)).toBe(true);
	});
});
