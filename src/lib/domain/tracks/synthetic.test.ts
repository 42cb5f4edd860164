import { describe, expect, it } from 'vitest';
import { haversine } from './geo';
import { syntheticDay, syntheticTrack } from './synthetic';
import { checkTrack, gapBefore, partStarts } from './track';

const T0 = Date.UTC(2026, 2, 3, 9, 0);
const MIN = 60_000;
const VESTERBRO = { lat: 55.6649, lon: 12.5516 };

describe('syntheticTrack', () => {
	const opts = {
		seed: 42,
		start: T0,
		stops: [
			{ ...VESTERBRO, dwellMs: 10 * MIN },
			{ lat: 55.6672, lon: 12.5563, dwellMs: 5 * MIN }
		]
	};

	it('is the same for the same seed and differs for another', () => {
		const a = syntheticTrack(opts).track;
		expect(syntheticTrack(opts).track).toEqual(a);
		expect(syntheticTrack({ ...opts, seed: 43 }).track.lat).not.toEqual(a.lat);
	});

	it('walks between the stops at the given speed, one fix a second, a valid track', () => {
		const { track, stops } = syntheticTrack(opts);
		const walkMs = (haversine(VESTERBRO.lat, VESTERBRO.lon, 55.6672, 12.5563) / 1.3) * 1000;
		expect(stops[1]!.arrivedAt).toBeCloseTo(T0 + 10 * MIN + walkMs, 0);
		expect(track.count).toBe(Math.floor((15 * MIN + walkMs) / 1000) + 1);
		expect(checkTrack(track)).toBeNull();
		// GPS-like noise at a stop: near the place, not on it.
		const off = haversine(track.lat[100]!, track.lon[100]!, VESTERBRO.lat, VESTERBRO.lon);
		expect(off).toBeGreaterThan(0);
		expect(off).toBeLessThan(60);
	});

	it('leaves gaps without fixes and flags the first fix after each', () => {
		const { track } = syntheticTrack({ ...opts, gaps: [{ at: 2 * MIN, durationMs: MIN }] });
		const starts = Array.from(partStarts(track));
		expect(starts).toEqual([0, 120]);
		expect(track.t[120]! - track.t[119]!).toBe(MIN + 1000);
		expect(gapBefore(track, 120)).toBe(true);
	});
});

describe('syntheticDay', () => {
	it('makes a day of stops around a centre with one gap', () => {
		const { track, stops } = syntheticDay({ seed: 7, start: T0, centre: VESTERBRO });
		expect(stops).toHaveLength(6);
		for (const s of stops)
			expect(haversine(s.lat, s.lon, VESTERBRO.lat, VESTERBRO.lon)).toBeLessThan(801);
		expect(partStarts(track).length).toBe(2);
		expect(checkTrack(track)).toBeNull();
	});
});
