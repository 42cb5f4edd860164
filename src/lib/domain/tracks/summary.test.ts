import { describe, expect, it } from 'vitest';
import type { Fix } from './fix';
import { destination } from './geo';
import { summariseDay, type PlaceStop } from './summary';
import { syntheticTrack } from './synthetic';
import { EMPTY_TRACK, trackFromFixes } from './track';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 3, 9, 0);

/** A fix every minute, 100 m north each minute while moving; `still` minutes stay put. */
function walk(minutes: number, still: (m: number) => boolean, gapAt: number[] = []): Fix[] {
	let metres = 0;
	return Array.from({ length: minutes + 1 }, (_, m) => {
		if (m > 0 && !still(m)) metres += 100;
		const p = destination(55.66, 12.55, 0, metres);
		return {
			t: T0 + m * MIN,
			...p,
			acc: 5,
			src: 'gps',
			...(gapAt.includes(m) ? { gapBefore: true } : {})
		};
	});
}

describe('summariseDay', () => {
	// 0–10 walk 1 km, 10–30 at H17, 30–40 walk, 40–50 gap (no line), 50–60 at "the stairs",
	// 60–70 at "The Stairs" again (same folded label), 70–80 walk.
	const fixes = walk(80, (m) => (m > 10 && m <= 30) || (m > 50 && m <= 70), [50]);
	const track = trackFromFixes(fixes.filter((f) => f.t <= T0 + 40 * MIN || f.t >= T0 + 50 * MIN));
	const stops: PlaceStop[] = [
		{
			arrivedAt: T0 + 10 * MIN,
			departedAt: T0 + 30 * MIN,
			placeKey: 'h17',
			placeLabel: 'H17',
			institution: true
		},
		{ arrivedAt: T0 + 50 * MIN, departedAt: T0 + 60 * MIN, placeLabel: 'the stairs' },
		{ arrivedAt: T0 + 60 * MIN, departedAt: T0 + 70 * MIN, placeLabel: 'The Stairs' }
	];
	const s = summariseDay(track, stops);

	it('splits the day into moving, stopped and gap time', () => {
		expect(s.durationMs).toBe(80 * MIN);
		expect(s.movingMs).toBe(30 * MIN);
		expect(s.stoppedMs).toBe(40 * MIN);
		expect(s.gapMs).toBe(10 * MIN);
	});

	it('counts distance only while moving, never across the gap', () => {
		// 10 + 10 + 10 minutes of walking at 100 m a minute; the gap hides 1 km.
		expect(s.distanceM).toBeCloseTo(3000, -1);
	});

	it('gives time per place, grouping by place key or by folded label, longest first', () => {
		expect(s.perPlace).toEqual([
			{ key: 'h17', label: 'H17', ms: 20 * MIN, visits: 1, institution: true, ownNames: [] },
			{
				key: null,
				label: 'the stairs',
				ms: 20 * MIN,
				visits: 2,
				institution: false,
				ownNames: []
			}
		]);
		expect(s.institutionMs).toBe(20 * MIN);
		expect(s.outsideMs).toBe(50 * MIN);
	});

	it('does not count GPS jitter at a stop as distance', () => {
		const day = syntheticTrack({
			seed: 1,
			start: T0,
			stops: [
				{ lat: 55.66, lon: 12.55, dwellMs: 30 * MIN },
				{ ...destination(55.66, 12.55, 90, 500), dwellMs: 30 * MIN }
			],
			stopJitterM: 15,
			moveJitterM: 2
		});
		const jittery = summariseDay(day.track, day.stops);
		expect(jittery.distanceM).toBeGreaterThan(450);
		expect(jittery.distanceM).toBeLessThan(700);
	});

	it('keeps recorded and sketched distance and time apart', () => {
		// 10 min walked with GPS (1 km), then 10 min sketched (1 km more).
		const mixed = walk(20, () => false).map((f, m) =>
			m > 10 ? { ...f, src: 'reconstructed' as const, acc: 0 } : f
		);
		const day = summariseDay(trackFromFixes(mixed), []);
		expect(day.recorded.distanceM).toBeCloseTo(1000, -1);
		expect(day.reconstructed.distanceM).toBeCloseTo(1000, -1);
		expect(day.recorded.movingMs).toBe(10 * MIN);
		expect(day.reconstructed.movingMs).toBe(10 * MIN);
		expect(day.distanceM).toBeCloseTo(2000, -1);
	});

	it('is all zeros for an empty day', () => {
		expect(summariseDay(EMPTY_TRACK, [])).toMatchObject({
			durationMs: 0,
			distanceM: 0,
			perPlace: []
		});
	});
});
