import { describe, expect, it } from 'vitest';
import type { Fix } from './fix';
import { haversine } from './geo';
import {
	checkTrack,
	concatTracks,
	createTrack,
	fixAt,
	gapBefore,
	indexAtOrAfter,
	indexAtOrBefore,
	isReconstructed,
	partStarts,
	sliceTrack,
	trackDistance,
	trackFromFixes,
	trackToFixes
} from './track';

const fixes: Fix[] = [
	{ t: 1000, lat: 55, lon: 12, acc: 5, src: 'gps' },
	{ t: 2000, lat: 55.001, lon: 12, acc: 7.5, src: 'gps' },
	{ t: 9000, lat: 55.01, lon: 12, acc: 0, src: 'imported', gapBefore: true },
	{ t: 9000, lat: 55.011, lon: 12, acc: 0, src: 'reconstructed' }
];
const track = trackFromFixes(fixes);

describe('Track', () => {
	it('holds fixes in columns and gives them back unchanged', () => {
		expect(track.count).toBe(4);
		expect(trackToFixes(track)).toEqual(fixes);
		expect(fixAt(track, 2)).toEqual(fixes[2]);
		expect(() => fixAt(track, 4)).toThrow(RangeError);
		expect(isReconstructed(track, 3)).toBe(true);
		expect([0, 1, 2, 3].map((i) => gapBefore(track, i))).toEqual([false, false, true, false]);
	});

	it('knows where its parts start and measures distance within them only', () => {
		expect(Array.from(partStarts(track))).toEqual([0, 2]);
		expect(Array.from(partStarts(createTrack(0)))).toEqual([]);
		const within = haversine(55, 12, 55.001, 12) + haversine(55.01, 12, 55.011, 12);
		expect(trackDistance(track)).toBeCloseTo(within, 6);
	});

	it('slices into independent copies and concatenates', () => {
		const a = sliceTrack(track, 0, 2);
		const b = sliceTrack(track, 2, 4);
		expect(a.t.buffer).not.toBe(track.t.buffer);
		expect(trackToFixes(concatTracks([a, b]))).toEqual(fixes);
	});

	it('finds fixes by time with binary search', () => {
		expect(indexAtOrBefore(track, 999)).toBe(-1);
		expect(indexAtOrBefore(track, 1000)).toBe(0);
		expect(indexAtOrBefore(track, 8999)).toBe(1);
		expect(indexAtOrBefore(track, 9000)).toBe(3);
		expect(indexAtOrAfter(track, 1500)).toBe(1);
		expect(indexAtOrAfter(track, 9000)).toBe(2);
		expect(indexAtOrAfter(track, 9001)).toBe(4);
	});
});

describe('checkTrack', () => {
	it('passes a good track and names the first broken invariant', () => {
		expect(checkTrack(track)).toBeNull();
		const broken = (edit: (f: Fix[]) => void) => {
			const copy = fixes.map((f) => ({ ...f }));
			edit(copy);
			return checkTrack(trackFromFixes(copy));
		};
		expect(broken((f) => (f[1]!.t = 500))).toMatch(/backwards/);
		expect(broken((f) => (f[0]!.lat = 91))).toMatch(/out of range/);
		expect(broken((f) => (f[0]!.lon = NaN))).toMatch(/out of range/);
		expect(broken((f) => (f[0]!.acc = -2))).toMatch(/accuracy/);
		expect(broken((f) => (f[0]!.t = Infinity))).toMatch(/time/);
		const badSrc = trackFromFixes(fixes);
		badSrc.src[1] = 7;
		expect(checkTrack(badSrc)).toMatch(/source/);
		expect(checkTrack({ ...track, lat: track.lat.subarray(0, 3) })).toMatch(/lat has 3/);
	});
});
