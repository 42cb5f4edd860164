import { METRES_PER_DEGREE, metresPerDegree, metresPerDegreeLon } from './geo';
import { indexAtOrAfter, indexAtOrBefore, type Track } from './track';

/** The time a stop covers, from the first fix there to the last. */
export interface StopSpan {
	arrivedAt: number;
	departedAt: number;
}

/** A stop proposed by detection, or kept after the researcher's edits. */
export interface ProposedStop extends StopSpan {
	/** Centroid of the fixes that make up the stop. */
	lat: number;
	lon: number;
	fixCount: number;
}

export interface StopOptions {
	/** Fixes within this distance (metres) of the stop's centre belong to it. */
	radiusM: number;
	/** A stop lasts at least this long (ms). */
	minDurationMs: number;
	/**
	 * A stop may hold a gap in the fixes (indoors, page hidden) of up to this long, and two stops
	 * at the same place this close in time are one.
	 */
	maxGapMs: number;
	/** Fixes may stray beyond the radius for this long (GPS jitter, multipath) within a stop. */
	maxExcursionMs: number;
}

export const DEFAULT_STOP_OPTIONS: Readonly<StopOptions> = {
	radiusM: 50,
	minDurationMs: 5 * 60_000,
	maxGapMs: 3 * 60_000,
	maxExcursionMs: 30_000
};

export function dwellMs(stop: StopSpan): number {
	return stop.departedAt - stop.arrivedAt;
}

/**
 * Stay-point detection after Li et al. 2008 ("Mining user similarity based on location
 * history", ACM GIS): a stop is a run of fixes that stay within `radiusM` for at least
 * `minDurationMs`. Two changes make it robust to GPS at a standstill:
 * - fixes are compared with the running centroid of the stop rather than with its first fix,
 *   so the stop's extent does not depend on where in the jitter its first fix fell; the centroid
 *   must stay within the radius of the first fix, so it cannot follow a walker;
 * - a short excursion beyond the radius (`maxExcursionMs`) is skipped, not taken as departure,
 *   and a gap of up to `maxGapMs` inside a stop does not end it; neighbouring stops at the same
 *   place that close in time are merged.
 * Distances use the local equirectangular scale (no trigonometry per fix) and the loop
 * allocates nothing per fix, so 100,000 fixes take a few milliseconds. O(n · w), w the number
 * of fixes a moving person stays near a point.
 */
export function detectStops(track: Track, options: Partial<StopOptions> = {}): ProposedStop[] {
	const o = { ...DEFAULT_STOP_OPTIONS, ...options };
	const { count: n, t, lat, lon } = track;
	const r2 = o.radiusM * o.radiusM;
	const stops: ProposedStop[] = [];
	let i = 0;
	while (i < n) {
		const seedLat = lat[i]!;
		const seedLon = lon[i]!;
		let sumLat = seedLat;
		let sumLon = seedLon;
		let cnt = 1;
		let cLat = seedLat;
		let cLon = seedLon;
		const ky = METRES_PER_DEGREE;
		const kx = metresPerDegreeLon(seedLat);
		let last = i;
		let drifted = false;
		for (let j = i + 1; j < n; j++) {
			const tj = t[j]!;
			if (tj - t[j - 1]! > o.maxGapMs) break;
			const dy = (lat[j]! - cLat) * ky;
			const dx = (lon[j]! - cLon) * kx;
			if (dx * dx + dy * dy <= r2) {
				sumLat += lat[j]!;
				sumLon += lon[j]!;
				cnt++;
				cLat = sumLat / cnt;
				cLon = sumLon / cnt;
				last = j;
				const sy = (cLat - seedLat) * ky;
				const sx = (cLon - seedLon) * kx;
				// The centre may not wander off its first fix: a centroid that follows a walker
				// would grow a "stop" out of the approach to a real one.
				if (sx * sx + sy * sy > r2) {
					drifted = true;
					break;
				}
			} else if (tj - t[last]! > o.maxExcursionMs) break;
		}
		if (!drifted && t[last]! - t[i]! >= o.minDurationMs) {
			const prev = stops[stops.length - 1];
			const stop = { arrivedAt: t[i]!, departedAt: t[last]!, lat: cLat, lon: cLon, fixCount: cnt };
			if (prev && sameStop(prev, stop, o)) stops[stops.length - 1] = mergeStops(prev, stop);
			else stops.push(stop);
			i = last + 1;
		} else i++;
	}
	return stops;
}

function sameStop(a: ProposedStop, b: ProposedStop, o: StopOptions): boolean {
	if (b.arrivedAt - a.departedAt > o.maxGapMs) return false;
	const k = metresPerDegree(a.lat);
	const dy = (b.lat - a.lat) * k.lat;
	const dx = (b.lon - a.lon) * k.lon;
	return dx * dx + dy * dy <= o.radiusM * o.radiusM;
}

/**
 * One stop from two (the researcher says they are the same visit). The result keeps every other
 * field of `a` (its id, place, notes); the centroid is the fix-weighted mean of both.
 */
export function mergeStops<S extends ProposedStop>(a: S, b: S): S {
	const n = a.fixCount + b.fixCount;
	const wa = n > 0 ? a.fixCount / n : 0.5;
	return {
		...a,
		arrivedAt: Math.min(a.arrivedAt, b.arrivedAt),
		departedAt: Math.max(a.departedAt, b.departedAt),
		lat: a.lat * wa + b.lat * (1 - wa),
		lon: a.lon * wa + b.lon * (1 - wa),
		fixCount: n
	};
}

/**
 * Two stops from one, split at time `at` (the researcher says the participant left and came
 * back). Each half's centroid is recomputed from its own fixes that lie within `radiusM` of the
 * old centre (excursions are left out); a half without such fixes keeps the old centre. Both
 * halves copy every other field of `stop`, including any id: give the second a new one.
 */
export function splitStop<S extends ProposedStop>(
	track: Track,
	stop: S,
	at: number,
	radiusM = DEFAULT_STOP_OPTIONS.radiusM
): [S, S] {
	if (!(at > stop.arrivedAt && at < stop.departedAt))
		throw new RangeError('split time must lie inside the stop');
	const before = centreOf(track, stop, stop.arrivedAt, at, false, radiusM);
	const after = centreOf(track, stop, at, stop.departedAt, true, radiusM);
	return [
		{ ...stop, departedAt: at, ...before },
		{ ...stop, arrivedAt: at, ...after }
	];
}

/** Index range `[from, to)` of the fixes inside a stop's time span. */
export function fixRange(track: Track, span: StopSpan): { from: number; to: number } {
	const from = indexAtOrAfter(track, span.arrivedAt);
	return { from, to: Math.max(from, indexAtOrBefore(track, span.departedAt) + 1) };
}

function centreOf(
	track: Track,
	centre: ProposedStop,
	from: number,
	to: number,
	inclusiveEnd: boolean,
	radiusM: number
): { lat: number; lon: number; fixCount: number } {
	const k = metresPerDegree(centre.lat);
	let sumLat = 0;
	let sumLon = 0;
	let n = 0;
	for (let i = indexAtOrAfter(track, from); i < track.count; i++) {
		const ti = track.t[i]!;
		if (ti > to || (ti === to && !inclusiveEnd)) break;
		const dy = (track.lat[i]! - centre.lat) * k.lat;
		const dx = (track.lon[i]! - centre.lon) * k.lon;
		if (dx * dx + dy * dy > radiusM * radiusM) continue;
		sumLat += track.lat[i]!;
		sumLon += track.lon[i]!;
		n++;
	}
	return n > 0
		? { lat: sumLat / n, lon: sumLon / n, fixCount: n }
		: { lat: centre.lat, lon: centre.lon, fixCount: 0 };
}
