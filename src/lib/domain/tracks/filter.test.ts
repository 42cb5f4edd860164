import { describe, expect, it } from 'vitest';
import type { Fix } from './fix';
import { FixFilter, MAX_SPEED_MPS, maxSpeedFor, type FilterVerdict } from './filter';
import { destination } from './geo';

const T0 = Date.UTC(2026, 2, 3, 9, 0);
const A = { lat: 55.6649, lon: 12.5516 };

/** A fix `s` seconds after T0, `m` metres east of A. */
const at = (s: number, m = 0, acc = 8): Fix => ({
	t: T0 + s * 1000,
	...destination(A.lat, A.lon, 90, m),
	acc,
	src: 'gps'
});
const kept = (v: FilterVerdict) => (v.accepted ? v.fix : null);

describe('FixFilter: dropping', () => {
	it('drops fixes worse than the accuracy limit and counts them', () => {
		const f = new FixFilter();
		expect(f.push(at(0, 0, 80))).toEqual({ accepted: false, reason: 'accuracy' });
		expect(f.push(at(1, 0, 50)).accepted).toBe(true);
		expect(new FixFilter({ maxAccuracyM: 20 }).push(at(0, 0, 30)).accepted).toBe(false);
		expect(f.dropped).toEqual({ accuracy: 1, jump: 0, stale: 0, invalid: 0 });
	});

	it('drops stale or repeated fixes and unusable ones', () => {
		const f = new FixFilter();
		f.push(at(10));
		expect(f.push(at(10, 1))).toEqual({ accepted: false, reason: 'stale' });
		expect(f.push(at(5, 1))).toEqual({ accepted: false, reason: 'stale' });
		expect(f.push({ ...at(11), lat: NaN })).toEqual({ accepted: false, reason: 'invalid' });
		expect(f.push({ ...at(11), acc: -1 })).toEqual({ accepted: false, reason: 'invalid' });
		expect(f.droppedTotal).toBe(4);
		// The researcher is told of the two unusable ones, not of the repeated positions.
		expect(f.droppedShown).toBe(2);
	});

	it('drops a jump faster than walking allows, allowing for both fixes’ accuracy', () => {
		const f = new FixFilter();
		f.push(at(0, 0, 10));
		// 200 m in 1 s.
		expect(f.push(at(1, 200, 10))).toEqual({ accepted: false, reason: 'jump' });
		// 40 m in 2 s is 20 m/s, too fast on its face, but the accuracy circles explain most of it.
		expect(f.push(at(2, 40, 15)).accepted).toBe(true);
		const precise = new FixFilter();
		precise.push(at(0, 0, 1));
		expect(precise.push(at(2, 40, 1)).accepted).toBe(false);
		expect(f.dropped.jump).toBe(1);
	});

	it('sets the speed limit by mode of travel', () => {
		expect(maxSpeedFor([])).toBe(MAX_SPEED_MPS.walking);
		expect(maxSpeedFor(['walking', 'bus'])).toBe(MAX_SPEED_MPS.bus);
		const bus = new FixFilter({ maxSpeedMps: maxSpeedFor(['bus']) });
		const walk = new FixFilter();
		for (const f of [bus, walk]) f.push(at(0, 0, 5));
		// 25 m/s: a bus on the motorway, not a person on foot.
		expect(bus.push(at(10, 250, 5)).accepted).toBe(true);
		expect(walk.push(at(10, 250, 5)).accepted).toBe(false);
	});

	it('accepts a new place once several fixes agree on it, never drawing the jump', () => {
		const f = new FixFilter();
		f.push(at(0));
		expect(f.push(at(1, 2000)).accepted).toBe(false);
		expect(f.push(at(2, 2001)).accepted).toBe(false);
		const v = f.push(at(3, 2002));
		expect(kept(v)?.gapBefore).toBe(true);
		expect(v.accepted && v.gap).toEqual({ from: T0, to: T0 + 3000, reason: 'jump' });
		expect(f.dropped.jump).toBe(2);
		// Scattered outliers that do not agree with each other never re-anchor the track.
		const g = new FixFilter();
		g.push(at(0));
		for (let s = 1; s <= 6; s++) expect(g.push(at(s, s % 2 ? 2000 : -2000)).accepted).toBe(false);
	});
});

describe('FixFilter: gaps', () => {
	it('marks a gap when no fix came for longer than the limit', () => {
		const f = new FixFilter();
		expect(kept(f.push(at(0)))?.gapBefore).toBeUndefined();
		expect(kept(f.push(at(60)))?.gapBefore).toBeUndefined();
		const v = f.push(at(121, 30));
		expect(kept(v)?.gapBefore).toBe(true);
		expect(v.accepted && v.gap).toEqual({ from: T0 + 60_000, to: T0 + 121_000, reason: 'timeout' });
	});

	it('marks a gap after the page was hidden or recording paused, even a short one', () => {
		const f = new FixFilter();
		f.markGap('paused'); // before any fix: nothing to separate from
		expect(kept(f.push(at(0)))?.gapBefore).toBeUndefined();
		f.markGap('hidden');
		f.markGap('paused');
		const v = f.push(at(5, 3));
		expect(v.accepted && v.gap?.reason).toBe('hidden');
		expect(kept(f.push(at(6, 4)))?.gapBefore).toBeUndefined();
	});

	it('does not judge speed across a gap: no line is drawn over it', () => {
		const f = new FixFilter();
		f.push(at(0));
		f.markGap('hidden');
		expect(kept(f.push(at(30, 3000)))?.gapBefore).toBe(true);
	});

	it('tells when fixes stop coming', () => {
		const f = new FixFilter();
		expect(f.silenceMs(T0)).toBe(0);
		f.push(at(0));
		expect(f.silenceMs(T0 + 30_000)).toBe(30_000);
		expect(f.isSilent(T0 + 30_000)).toBe(false);
		expect(f.isSilent(T0 + 61_000)).toBe(true);
	});

	it('resumes from a saved state after a page reload', () => {
		const f = new FixFilter({ gapMs: 30_000 });
		f.push(at(0));
		f.push(at(1, 0, 99));
		f.markGap('paused');
		const resumed = new FixFilter({ gapMs: 30_000 }, JSON.parse(JSON.stringify(f.state())));
		expect(resumed.dropped.accuracy).toBe(1);
		expect(resumed.last?.t).toBe(T0);
		expect(resumed.push(at(2, 1)).accepted && resumed.last?.gapBefore).toBe(true);
		expect(f.dropped.accuracy).toBe(1); // the original is untouched
	});
});
