import { describe, expect, it } from 'vitest';
import type { Fix } from './fix';
import { TrackTimeline } from './timeline';
import { trackFromFixes, EMPTY_TRACK } from './track';

const S = 1000;

/** Fixes every 10 s going north 10 m (≈ 0.00009°) each; `gapAt` starts a part. */
function fixes(
	times: number[],
	opts: { gapAt?: number[]; rec?: (t: number) => boolean } = {}
): Fix[] {
	return times.map((t) => ({
		t: t * S,
		lat: 55 + t * 0.000009,
		lon: 12,
		acc: 5,
		src: opts.rec?.(t) ? 'reconstructed' : 'gps',
		...(opts.gapAt?.includes(t) ? { gapBefore: true } : {})
	}));
}

const times = [0, 10, 20, 30, 40, 50, 120, 130, 140, 200, 210, 220, 260];
const track = trackFromFixes(fixes(times, { gapAt: [120], rec: (t) => t >= 210 }));

describe('TrackTimeline segments', () => {
	it('lays out moving parts, stops and gaps in time order, reconstructed parts flagged', () => {
		const tl = new TrackTimeline(track, [{ arrivedAt: 20 * S, departedAt: 40 * S }]);
		expect(
			tl.segments.map((s) => [s.kind, s.from / S, s.to / S, s.kind === 'move' && s.reconstructed])
		).toEqual([
			['move', 0, 20, false],
			['stop', 20, 40, false],
			['move', 40, 50, false],
			['gap', 50, 120, false],
			['move', 120, 200, false],
			['move', 200, 260, true]
		]);
		expect(tl.start).toBe(0);
		expect(tl.end).toBe(260 * S);
		const stop = tl.segments[1]!;
		expect(stop.kind === 'stop' && stop.stop).toBe(0);
		const move = tl.segments[4]!;
		expect(move.kind === 'move' && [move.fromIndex, move.toIndex]).toEqual([6, 9]);
	});

	it('lets a stop cover a short gap inside it, and keeps stops outside the fixes', () => {
		const tl = new TrackTimeline(track, [
			{ arrivedAt: 40 * S, departedAt: 130 * S },
			{ arrivedAt: 300 * S, departedAt: 400 * S }
		]);
		expect(tl.segments.map((s) => [s.kind, s.from / S, s.to / S])).toEqual([
			['move', 0, 40],
			['stop', 40, 130],
			['move', 130, 200],
			['move', 200, 260],
			['gap', 260, 300],
			['stop', 300, 400]
		]);
		expect(tl.segmentAt(350 * S)?.kind).toBe('stop');
		expect(tl.segmentAt(60 * S)?.kind).toBe('stop');
		expect(tl.segmentAt(500 * S)).toBeUndefined();
	});

	it('is empty for an empty day', () => {
		expect(new TrackTimeline(EMPTY_TRACK).segments).toEqual([]);
		expect(new TrackTimeline(EMPTY_TRACK).positionAt(0)).toBeNull();
	});
});

describe('TrackTimeline positions', () => {
	const tl = new TrackTimeline(track);

	it('interpolates between fixes', () => {
		const p = tl.positionAt(15 * S)!;
		expect(p.lat).toBeCloseTo(55 + 15 * 0.000009, 9);
		expect(p).toMatchObject({ index: 1, inGap: false, reconstructed: false });
		expect(tl.positionAt(20 * S)).toMatchObject({ index: 2, lat: track.lat[2] });
	});

	it('never bridges a gap: the marker stays at the last fix before it', () => {
		const p = tl.positionAt(80 * S)!;
		expect(p).toMatchObject({ index: 5, inGap: true, lat: track.lat[5], lon: 12 });
	});

	it('marks reconstructed stretches and is null outside the day', () => {
		expect(tl.positionAt(215 * S)?.reconstructed).toBe(true);
		expect(tl.positionAt(205 * S)?.reconstructed).toBe(true);
		expect(tl.positionAt(-1)).toBeNull();
		expect(tl.positionAt(261 * S)).toBeNull();
		expect(tl.positionAt(260 * S)).toMatchObject({ index: 12 });
	});

	it('gives a fading trail that stops at the last gap', () => {
		expect(tl.trailRange(45 * S, 20 * S)).toEqual({ from: 3, to: 5 });
		expect(tl.trailRange(135 * S, 120 * S)).toEqual({ from: 6, to: 8 });
		expect(tl.trailRange(-5 * S, 10 * S)).toEqual({ from: 0, to: 0 });
		expect(tl.indexAt(139 * S)).toBe(7);
	});
});
