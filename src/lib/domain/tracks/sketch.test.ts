import { describe, expect, it } from 'vitest';
import type { Fix } from './fix';
import { destination } from './geo';
import { insertSketch, sketchRoute, type SketchPoint } from './sketch';

const T0 = Date.UTC(2026, 2, 3, 12, 0);
const MIN = 60_000;
const A = { lat: 55.6649, lon: 12.5516 };
/** A point `m` metres east of A. */
const east = (m: number) => destination(A.lat, A.lon, 90, m);

describe('sketchRoute', () => {
	it('spreads time between timed points by distance, all marked reconstructed', () => {
		const points: SketchPoint[] = [
			{ ...east(0), t: T0 },
			east(100),
			east(400),
			{ ...east(500), t: T0 + 10 * MIN },
			{ ...east(1500), t: T0 + 30 * MIN }
		];
		const r = sketchRoute(points);
		if (!r.ok) throw new Error(r.problem.message);
		expect(r.fixes.map((f) => (f.t - T0) / MIN)).toEqual([0, 2, 8, 10, 30]);
		expect(new Set(r.fixes.map((f) => f.src))).toEqual(new Set(['reconstructed']));
		expect(r.fixes[1]!.lat).toBe(points[1]!.lat);
	});

	it('spreads time evenly when the points do not move', () => {
		const r = sketchRoute([{ ...A, t: T0 }, A, A, { ...A, t: T0 + 3 * MIN }]);
		expect(r.ok && r.fixes.map((f) => (f.t - T0) / MIN)).toEqual([0, 1, 2, 3]);
	});

	it.each<[string, SketchPoint[], string]>([
		['one point', [{ ...A, t: T0 }], 'too-few-points'],
		['no time at the start', [A, { ...A, t: T0 }], 'untimed-ends'],
		['no time at the end', [{ ...A, t: T0 }, A], 'untimed-ends'],
		[
			'times backwards',
			[
				{ ...A, t: T0 },
				{ ...A, t: T0 - 1 }
			],
			'time-backwards'
		],
		[
			'off the map',
			[
				{ ...A, t: T0 },
				{ lat: 91, lon: 0, t: T0 + 1 }
			],
			'coordinates-out-of-range'
		]
	])('refuses %s', (_name, points, code) => {
		const r = sketchRoute(points);
		expect(r.ok ? undefined : r.problem.code).toBe(code);
	});
});

describe('insertSketch', () => {
	const gps = (min: number, gap = false): Fix => ({
		t: T0 + min * MIN,
		...east(min * 50),
		acc: 8,
		src: 'gps',
		...(gap ? { gapBefore: true } : {})
	});
	const recorded = [gps(0), gps(1), gps(2), gps(3), gps(9, true), gps(10)];

	it('fills a gap: replaces fixes inside the sketch and joins it to the route at both ends', () => {
		const r = sketchRoute([
			{ ...east(150), t: T0 + 3 * MIN },
			east(300),
			{ ...east(450), t: T0 + 9 * MIN }
		]);
		if (!r.ok) throw new Error(r.problem.message);
		const merged = insertSketch(recorded, r.fixes);
		expect(merged.map((f) => [(f.t - T0) / MIN, f.src, f.gapBefore ?? false])).toEqual([
			[0, 'gps', false],
			[1, 'gps', false],
			[2, 'gps', false],
			[3, 'gps', false],
			[3, 'reconstructed', false],
			[6, 'reconstructed', false],
			[9, 'reconstructed', false],
			[9, 'gps', false],
			[10, 'gps', false]
		]);
	});

	it('replaces recorded fixes the researcher drew over', () => {
		const r = sketchRoute([
			{ ...east(25), t: T0 + 0.5 * MIN },
			{ ...east(125), t: T0 + 2.5 * MIN }
		]);
		if (!r.ok) throw new Error(r.problem.message);
		const merged = insertSketch(recorded, r.fixes);
		expect(merged.map((f) => (f.t - T0) / MIN)).toEqual([0, 0.5, 2.5, 3, 9, 10]);
		expect(merged[4]!.gapBefore).toBe(true);
	});
});
