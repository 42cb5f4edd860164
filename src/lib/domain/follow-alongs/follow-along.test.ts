import { describe, expect, it } from 'vitest';
import { trackFromFixes, trackToFixes } from '$lib/domain/tracks/track';
import type { Fix } from '$lib/domain/tracks/fix';
import { dayConsent } from './consent';
import { fillTrack } from './fill';
import { formatDistance, formatDuration } from './format';
import { gapsOf } from './gaps';

const fix = (t: number, src: Fix['src'] = 'gps', gapBefore = false): Fix => ({
	t,
	lat: 55 + t / 1e6,
	lon: 12,
	acc: src === 'gps' ? 5 : 0,
	src,
	...(gapBefore ? { gapBefore } : {})
});

describe('fillTrack', () => {
	it('adds imported fixes only where the recording has none, and never joins the two', () => {
		// Recorded 0–10 s, a gap, 100–110 s; the logger ran from -20 s to 130 s.
		const recorded = trackFromFixes([fix(0), fix(10), fix(100, 'gps', true), fix(110)]);
		const imported = trackFromFixes(
			[-20, -10, 0, 5, 10, 50, 60, 100, 105, 120, 130].map((t) => fix(t, 'imported'))
		);
		const out = trackToFixes(fillTrack(recorded, imported));
		expect(out.map((f) => [f.t, f.src, f.gapBefore ?? false])).toEqual([
			[-20, 'imported', false],
			[-10, 'imported', false],
			[0, 'gps', true],
			[10, 'gps', false],
			[50, 'imported', true],
			[60, 'imported', false],
			[100, 'gps', true],
			[110, 'gps', false],
			[120, 'imported', true],
			[130, 'imported', false]
		]);
	});

	it('takes the imported track as it is when nothing was recorded', () => {
		const imported = trackFromFixes([fix(0, 'imported'), fix(5, 'imported')]);
		expect(fillTrack(trackFromFixes([]), imported)).toBe(imported);
	});
});

describe('a day', () => {
	it('lists its gaps from the flags', () => {
		const tr = trackFromFixes([fix(0), fix(10), fix(100, 'gps', true), fix(110)]);
		expect(gapsOf(tr, 'import')).toEqual([{ from: 10, to: 100, reason: 'import' }]);
	});

	it('allows a recording only with the participant’s consent', () => {
		const p = (followAlong: boolean, withdrawnAt: number | null = null) => ({
			consent: { location: 'cell' as const, followAlong, aggregate: true },
			withdrawnAt
		});
		expect(dayConsent(p(true))).toBe('gps');
		expect(dayConsent(p(false))).toBe('manual');
		expect(dayConsent(p(true, 5))).toBe('withdrawn');
		expect(dayConsent(null)).toBe('gps');
	});

	it('formats durations and distances', () => {
		expect(formatDuration((15 * 60 + 48) * 1000)).toBe('0:15:48');
		expect(formatDuration((20 * 60 + 56) * 1000)).toBe('0:20:56');
		expect(formatDuration(2 * 3_600_000 + 5 * 60_000 + 9_000)).toBe('2:05:09');
		expect(formatDuration(-5)).toBe('0:00:00');
		expect(formatDistance(850.4, 'en-GB')).toBe('850 m');
		expect(formatDistance(3104, 'en-GB')).toBe('3.1 km');
		expect(formatDistance(3104, 'da-DK')).toBe('3,1 km');
	});
});
