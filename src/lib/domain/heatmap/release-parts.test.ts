import { describe, expect, it } from 'vitest';
import { countBand, shareBand } from './bands';
import { CLASS_BREAKS, classesOf, classOf, classOfBand } from './classes';
import { dominated } from './dominance';
import { changeShowable, weightChange } from './release-consistency';
import { subtractable } from './release-subtraction';

describe('the pieces of a release', () => {
	it('fixed classes: round bounds, each at least twice the one below', () => {
		for (const breaks of Object.values(CLASS_BREAKS))
			breaks.forEach((b, i) => i > 0 && expect(b).toBeGreaterThanOrEqual(2 * breaks[i - 1]!));
		expect(classesOf([60, 120])).toEqual([
			{ class: 1, from: 0, to: 60 },
			{ class: 2, from: 60, to: 120 },
			{ class: 3, from: 120, to: null }
		]);
		expect([0, 59.99, 60, 119, 120, 1e6].map((v) => classOf(v, [60, 120]))).toEqual([
			1, 1, 2, 2, 3, 3
		]);
		expect(classOfBand({ from: 60, to: 120 }, [60, 120])).toBe(2);
		expect(classOfBand({ from: 61, to: 120 }, [60, 120])).toBeNull();
	});

	it('counts in bands: 0, 1–4, 5–9, 10–19, 20–49, …', () => {
		expect([0, 1, 4, 5, 9, 10, 21, 20, 49, 50, 999, 1000].map(countBand)).toEqual([
			{ from: 0, to: 1 },
			{ from: 1, to: 5 },
			{ from: 1, to: 5 },
			{ from: 5, to: 10 },
			{ from: 5, to: 10 },
			{ from: 10, to: 20 },
			{ from: 20, to: 50 },
			{ from: 20, to: 50 },
			{ from: 20, to: 50 },
			{ from: 50, to: 100 },
			{ from: 500, to: 1000 },
			{ from: 1000, to: 2000 }
		]);
		expect(countBand(1e9)).toEqual({ from: 50_000, to: null });
		expect([0.44, 0.56, 0.024, 1].map(shareBand)).toEqual([45, 55, 0, 100]);
	});

	it('dominance: one over the share, or two over 85 %', () => {
		expect(dominated([49.9, 49.9, 0.1, 0.1], 0.5, 0.85)).toBe(true);
		expect(dominated([40, 40, 10, 10], 0.5, 0.85)).toBe(false);
		expect(dominated([51, 49], 0.5, 1)).toBe(true);
		expect(dominated([], 0.5, 0.85)).toBe(false);
	});

	it('a change between two sets of weights: how many people at least, and which weights', () => {
		expect(weightChange([1, 2, 3], [1, 2, 3])).toEqual({ people: 0, values: [] });
		expect(weightChange([1, 2, 3], [1, 3])).toEqual({ people: 1, values: [2] });
		expect(weightChange([1, 2], [1, 2.5, 7])).toEqual({ people: 2, values: [2, 2.5, 7] });
		const rules = { k: 5, maxShare: 0.5, maxTopTwoShare: 0.85 };
		expect(changeShowable({ people: 4, values: [1, 1, 1, 1] }, rules)).toBe(false);
		expect(changeShowable({ people: 5, values: [1, 1, 1, 1, 1] }, rules)).toBe(true);
		expect(changeShowable({ people: 5, values: [100, 1, 1, 1, 1] }, rules)).toBe(false);
	});

	it('subtraction: a parent and children are safe when the hidden part may be nobody', () => {
		const band = (from: number, to: number | null) => ({ from, to });
		// [1200, 3000) less six children of at most 120: at least 480 hidden
		expect(subtractable([band(1200, 3000)], Array(6).fill([band(60, 120)]))).toBe(true);
		expect(subtractable([band(1200, 3000)], Array(6).fill([band(300, 600)]))).toBe(false);
		// a child in the open top class: no bound
		expect(subtractable([band(3000, null)], [[band(60, 120)], [band(3000, null)]])).toBe(false);
		// after new data the children add up to more than the parent can hold: a change shows
		expect(subtractable([band(60, 120)], [[band(120, 300)]])).toBe(true);
		// of a cell released twice, the tightest bounds count
		expect(subtractable([band(600, 1200), band(300, 600)], [[band(60, 120)]])).toBe(true);
		expect(subtractable([band(600, 1200)], [])).toBe(false);
		// person-days do not add up over cells: children above their parent prove no change
		expect(subtractable([band(60, 120)], [[band(120, 300)]], false)).toBe(false);
		expect(subtractable([band(1200, 3000)], Array(6).fill([band(60, 120)]), false)).toBe(true);
	});
});
