import { describe, expect, it } from 'vitest';
import { computeHeatmap } from './compute';
import type { HeatmapOptionsInput, HeatmapStop, TrackColumns } from './schema';
import {
	cellOf,
	dataset,
	day,
	HOME,
	MINUTE,
	participants,
	SHARED,
	stay,
	track
} from '$lib/testing/heatmap-data';

const ME: HeatmapOptionsInput = { view: { kind: 'participant', participantId: 'p1' } };

function minutesAt(tracks: TrackColumns[], stops: HeatmapStop[] = [], options = ME) {
	const r = computeHeatmap(dataset({ participants: participants('p1'), tracks, stops }), options);
	return Object.fromEntries(r.maps.all.cells.map((c) => [c.cell, c.weight]));
}

describe('time spent', () => {
	it('counts the time along the route from the fixes’ timestamps', () => {
		const m = minutesAt([track('f', 'p1', stay(HOME, day(1), 30), stay(SHARED, day(1, 11), 20))]);
		// the hour between the two stays is more than 10 minutes without a fix: a gap
		expect(m).toEqual({ [cellOf(HOME)]: 30, [cellOf(SHARED)]: 20 });
	});

	it('does not count across a flagged gap', () => {
		const tr = track('f', 'p1', stay(HOME, day(1), 30, 60));
		expect(minutesAt([tr])[cellOf(HOME)]).toBe(30);
		const gapAfter = [10, 20]; // two breaks of one minute each
		expect(minutesAt([{ ...tr, gapAfter }])[cellOf(HOME)]).toBe(28);
		// the same breaks as the tracks module stores them: a flag on the fix after the gap
		const src = Uint8Array.from(tr.src, (s, i) => (i === 11 || i === 21 ? s | 0x80 : s));
		expect(minutesAt([{ ...tr, src }])[cellOf(HOME)]).toBe(28);
		// a flagged reconstructed fix is still reconstructed: a minute of gap before it, and its
		// own half minute after
		src[5] = 0x83;
		expect(minutesAt([{ ...tr, src }])[cellOf(HOME)]).toBe(26.5);
	});

	it('counts a stop’s dwell once, whether or not there are fixes during it', () => {
		const stop: HeatmapStop = {
			participantId: 'p1',
			followAlongId: 'f',
			arrivedAt: day(1),
			departedAt: day(1) + 45 * MINUTE,
			...SHARED
		};
		expect(minutesAt([], [stop])).toEqual({ [cellOf(SHARED)]: 45 });
		const withFixes = track(
			'f',
			'p1',
			stay(SHARED, day(1), 45),
			stay(HOME, day(1) + 45.25 * MINUTE, 10)
		);
		const m = minutesAt([withFixes], [stop]);
		// 45, plus the few seconds between the last fix in the stop and the first one after it
		expect(m[cellOf(SHARED)]).toBeCloseTo(45, 0);
		expect(m[cellOf(HOME)]).toBeCloseTo(10, 0);
	});

	it('leaves reconstructed stretches out unless asked, and reports them', () => {
		const tr = track(
			'f',
			'p1',
			stay(HOME, day(1), 20),
			stay(SHARED, day(1) + 20.25 * MINUTE, 19.75, 15, 3) // reconstructed
		);
		const r = computeHeatmap(dataset({ participants: participants('p1'), tracks: [tr] }), ME);
		expect(r.maps.all.cells.map((c) => c.cell)).toEqual([cellOf(HOME)]);
		expect(r.maps.all.report.reconstructedMinutesLeftOut).toBeCloseTo(19.9, 1);
		const asked = minutesAt([tr], [], { ...ME, includeReconstructed: true });
		expect(asked[cellOf(SHARED)]).toBeCloseTo(19.9, 1);
	});

	it('splits a stay over midnight between the two Copenhagen days', () => {
		const five = ['a', 'b', 'c', 'd', 'e'];
		// everyone at SHARED from 23:30 to 00:30 on one night only: two calendar days, so shown
		const tracks = five.map((id) => track(id, id, stay(SHARED, day(1, 23) + 30 * MINUTE, 60)));
		const r = computeHeatmap(dataset({ participants: participants(...five), tracks }));
		expect(r.maps.all.cells).toEqual([{ cell: cellOf(SHARED), weight: 300, class: 4 }]);
		expect(r.maps.all.report.daysIncluded).toBe(2);
	});
});

describe('bad tracks', () => {
	it('refuses fixes out of time order, times that are not numbers, and ragged columns', () => {
		const tr = track('f', 'p1', stay(HOME, day(1), 5));
		const run = (t: TrackColumns) =>
			computeHeatmap(dataset({ participants: participants('p1'), tracks: [t] }));
		const swapped = Float64Array.from(tr.t);
		[swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
		expect(() => run({ ...tr, t: swapped })).toThrow(/follow-along f: fix times out of order/);
		expect(() => run({ ...tr, t: Float64Array.from(tr.t, (x, i) => (i === 3 ? NaN : x)) })).toThrow(
			/not numbers/
		);
		expect(() => run({ ...tr, src: new Uint8Array(2) })).toThrow(/columns differ/);
	});
});
