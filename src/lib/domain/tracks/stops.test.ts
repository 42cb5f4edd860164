import { describe, expect, it } from 'vitest';
import { destination, haversine } from './geo';
import { detectStops, dwellMs, fixRange, mergeStops, splitStop, type ProposedStop } from './stops';
import { syntheticTrack, type SyntheticStop } from './synthetic';
import { trackFromFixes } from './track';

const T0 = Date.UTC(2026, 2, 3, 9, 0);
const MIN = 60_000;
const HOME = { lat: 55.6649, lon: 12.5516 };

/** Stops `spacingM` apart eastwards from a start, with the given dwell times in minutes. */
function stopsEast(dwellMinutes: number[], spacingM = 400): SyntheticStop[] {
	return dwellMinutes.map((m, k) => ({
		...destination(HOME.lat, HOME.lon, 90, k * spacingM),
		dwellMs: m * MIN
	}));
}

function expectNear(
	found: ProposedStop,
	truth: { lat: number; lon: number; arrivedAt: number; departedAt: number }
) {
	expect(haversine(found.lat, found.lon, truth.lat, truth.lon)).toBeLessThan(15);
	// Arrival and departure are fixes within the radius, so up to radius / speed (≈ 40 s) early or late.
	expect(Math.abs(found.arrivedAt - truth.arrivedAt)).toBeLessThan(60_000);
	expect(Math.abs(found.departedAt - truth.departedAt)).toBeLessThan(60_000);
}

describe('detectStops', () => {
	it('finds each stop of a walk with its place, arrival and departure', () => {
		const { track, stops } = syntheticTrack({ seed: 1, start: T0, stops: stopsEast([10, 20, 8]) });
		const found = detectStops(track);
		expect(found).toHaveLength(3);
		found.forEach((f, k) => expectNear(f, stops[k]!));
		expect(found[0]!.fixCount).toBeGreaterThan(9 * 60);
	});

	it('is robust to heavy jitter and multipath outliers at a stop', () => {
		const { track, stops } = syntheticTrack({
			seed: 2,
			start: T0,
			stops: stopsEast([15, 30, 12]),
			stopJitterM: 18,
			noiseCorrelation: 0,
			outlierRate: 0.05
		});
		const found = detectStops(track);
		expect(found).toHaveLength(3);
		found.forEach((f, k) => expectNear(f, stops[k]!));
	});

	it('keeps a stop split by a short gap as one stop', () => {
		const { track, stops } = syntheticTrack({
			seed: 3,
			start: T0,
			stops: stopsEast([5, 12, 5]),
			// Two minutes without fixes in the middle of the 12-minute stop (inside a building).
			gaps: [{ at: stops0End(5) + 5 * MIN, durationMs: 2 * MIN }]
		});
		const found = detectStops(track);
		expect(found).toHaveLength(3);
		expectNear(found[1]!, stops[1]!);
	});

	it('keeps a stop interrupted by a short walk away and back as one stop', () => {
		const kiosk = destination(HOME.lat, HOME.lon, 0, 100);
		const { track, stops } = syntheticTrack({
			seed: 9,
			start: T0,
			stops: [
				{ ...HOME, dwellMs: 10 * MIN },
				{ ...kiosk, dwellMs: 0 },
				{ ...HOME, dwellMs: 10 * MIN }
			]
		});
		const found = detectStops(track);
		expect(found).toHaveLength(1);
		expect(Math.abs(found[0]!.arrivedAt - stops[0]!.arrivedAt)).toBeLessThan(60_000);
		expect(Math.abs(found[0]!.departedAt - stops[2]!.departedAt)).toBeLessThan(60_000);
	});

	it('does not bridge a long gap: two visits either side of it', () => {
		const { track } = syntheticTrack({
			seed: 4,
			start: T0,
			stops: stopsEast([30]),
			gaps: [{ at: 10 * MIN, durationMs: 10 * MIN }]
		});
		const found = detectStops(track);
		expect(found).toHaveLength(2);
		expect(found[1]!.arrivedAt - found[0]!.departedAt).toBeGreaterThanOrEqual(10 * MIN);
	});

	it('ignores stays shorter than the minimum and honours both parameters', () => {
		const { track } = syntheticTrack({ seed: 5, start: T0, stops: stopsEast([3, 10, 20]) });
		expect(detectStops(track)).toHaveLength(2);
		expect(detectStops(track, { minDurationMs: 15 * MIN })).toHaveLength(1);
		expect(detectStops(track, { minDurationMs: 2 * MIN })).toHaveLength(3);
		// With a 500 m radius the whole 800 m walk fits in a few "stops" that swallow the walks.
		expect(detectStops(track, { radiusM: 500 }).length).toBeLessThan(3);
	});

	it('finds no stop in a steady walk and none in an empty track', () => {
		const { track } = syntheticTrack({ seed: 6, start: T0, stops: stopsEast([0, 0], 3000) });
		expect(detectStops(track)).toEqual([]);
		expect(detectStops(syntheticTrack({ seed: 6, start: T0, stops: [] }).track)).toEqual([]);
	});
});

function stops0End(minutes: number): number {
	return minutes * MIN + (400 / 1.3) * 1000;
}

describe('researcher edits', () => {
	const { track } = syntheticTrack({ seed: 7, start: T0, stops: stopsEast([10, 10], 30) });

	it('merges two stops into one covering both, centroid weighted by fixes', () => {
		const a = { id: 'a', arrivedAt: 0, departedAt: 10, lat: 55, lon: 12, fixCount: 3 };
		const b = { id: 'b', arrivedAt: 20, departedAt: 40, lat: 56, lon: 13, fixCount: 1 };
		const m = mergeStops(a, b);
		expect(m).toEqual({
			id: 'a',
			arrivedAt: 0,
			departedAt: 40,
			lat: 55.25,
			lon: 12.25,
			fixCount: 4
		});
		expect(dwellMs(m)).toBe(40);
	});

	it('splits a stop at a time, each half centred on its own fixes', () => {
		const [whole] = detectStops(track, { radiusM: 60 });
		expect(whole).toBeDefined();
		const at = T0 + 10 * MIN;
		const [first, second] = splitStop(track, { ...whole!, label: 'x' }, at, 60);
		expect(first.departedAt).toBe(at);
		expect(second.arrivedAt).toBe(at);
		expect(first.label).toBe('x');
		const { from, to } = fixRange(track, whole!);
		expect(first.fixCount + second.fixCount).toBeLessThanOrEqual(to - from);
		// The two halves sit at the two real places, 30 m apart.
		expect(haversine(first.lat, first.lon, second.lat, second.lon)).toBeGreaterThan(15);
		expect(() => splitStop(track, whole!, whole!.arrivedAt)).toThrow(RangeError);
	});

	it('leaves excursions out of a split half’s centre', () => {
		// Ten minutes at HOME, but the first half includes a minute 300 m away.
		const away = destination(HOME.lat, HOME.lon, 90, 300);
		const fixes = Array.from({ length: 600 }, (_, s) => ({
			t: T0 + s * 1000,
			...(s >= 60 && s < 120 ? away : HOME),
			acc: 5,
			src: 'gps' as const
		}));
		const stop = { arrivedAt: T0, departedAt: T0 + 599_000, ...HOME, fixCount: 540 };
		const [first] = splitStop(trackFromFixes(fixes), stop, T0 + 300_000);
		expect(haversine(first.lat, first.lon, HOME.lat, HOME.lon)).toBeLessThan(1);
		expect(first.fixCount).toBe(240);
	});
});

// Speed (over 100,000 fixes, ≤ 50 ms) is a benchmark: tracks.bench.ts, run by `npm run bench`.
