import {
	FIX_SOURCES,
	GAP_BEFORE,
	SOURCE_CODE,
	SOURCE_MASK,
	isValidSourceByte,
	sourceFromCode,
	type Fix,
	type FixSource
} from './fix';
import { haversine } from './geo';

/**
 * A track in columns: one typed array per field, all `count` long, in time order (`t` never
 * decreases). This is the shape every algorithm here works on: a day of 1 Hz fixes is a few
 * hundred kilobytes instead of tens of thousands of objects, and loops over it allocate nothing.
 * `src` holds the source code (`SOURCE_CODE`) with `GAP_BEFORE` set on the first fix after a gap.
 */
export interface Track {
	readonly count: number;
	readonly t: Float64Array<ArrayBuffer>;
	readonly lat: Float64Array<ArrayBuffer>;
	readonly lon: Float64Array<ArrayBuffer>;
	readonly acc: Float32Array<ArrayBuffer>;
	readonly src: Uint8Array<ArrayBuffer>;
}

export function createTrack(count: number): Track {
	return {
		count,
		t: new Float64Array(count),
		lat: new Float64Array(count),
		lon: new Float64Array(count),
		acc: new Float32Array(count),
		src: new Uint8Array(count)
	};
}

export const EMPTY_TRACK: Track = createTrack(0);

export function trackFromFixes(fixes: readonly Fix[]): Track {
	const track = createTrack(fixes.length);
	for (let i = 0; i < fixes.length; i++) {
		const f = fixes[i]!;
		track.t[i] = f.t;
		track.lat[i] = f.lat;
		track.lon[i] = f.lon;
		track.acc[i] = f.acc;
		track.src[i] = SOURCE_CODE[f.src] | (f.gapBefore ? GAP_BEFORE : 0);
	}
	return track;
}

/** The fix at index `i` as an object (`gapBefore` present only when set). */
export function fixAt(track: Track, i: number): Fix {
	if (i < 0 || i >= track.count) throw new RangeError(`fix ${i} outside 0..${track.count - 1}`);
	const byte = track.src[i]!;
	const fix: Fix = {
		t: track.t[i]!,
		lat: track.lat[i]!,
		lon: track.lon[i]!,
		acc: track.acc[i]!,
		src: sourceFromCode(byte)
	};
	if (byte & GAP_BEFORE) fix.gapBefore = true;
	return fix;
}

export function trackToFixes(track: Track, from = 0, to = track.count): Fix[] {
	const out: Fix[] = [];
	for (let i = from; i < to; i++) out.push(fixAt(track, i));
	return out;
}

export function sourceAt(track: Track, i: number): FixSource {
	return FIX_SOURCES[track.src[i]! & SOURCE_MASK] ?? 'gps';
}

/** True when a gap lies between fix `i - 1` and fix `i`. */
export function gapBefore(track: Track, i: number): boolean {
	return i > 0 && (track.src[i]! & GAP_BEFORE) !== 0;
}

export function isReconstructed(track: Track, i: number): boolean {
	return (track.src[i]! & SOURCE_MASK) === SOURCE_CODE.reconstructed;
}

/** A copy of fixes `from` to `to - 1` (clamped to the track), with its own buffers. */
export function sliceTrack(track: Track, from: number, to: number): Track {
	from = Math.max(0, from);
	to = Math.min(track.count, to);
	return {
		count: Math.max(0, to - from),
		t: track.t.slice(from, to),
		lat: track.lat.slice(from, to),
		lon: track.lon.slice(from, to),
		acc: track.acc.slice(from, to),
		src: track.src.slice(from, to)
	};
}

/** Tracks one after another. The caller keeps them in time order (see `checkTrack`). */
export function concatTracks(tracks: readonly Track[]): Track {
	const out = createTrack(tracks.reduce((n, tr) => n + tr.count, 0));
	let at = 0;
	for (const tr of tracks) {
		out.t.set(tr.t.subarray(0, tr.count), at);
		out.lat.set(tr.lat.subarray(0, tr.count), at);
		out.lon.set(tr.lon.subarray(0, tr.count), at);
		out.acc.set(tr.acc.subarray(0, tr.count), at);
		out.src.set(tr.src.subarray(0, tr.count), at);
		at += tr.count;
	}
	return out;
}

/**
 * Indices at which the track's parts begin: 0 and every fix after a gap. Part `k` runs from
 * `starts[k]` to `starts[k + 1] - 1` (or the last fix). Empty for an empty track.
 */
export function partStarts(track: Track): Int32Array {
	let n = track.count > 0 ? 1 : 0;
	for (let i = 1; i < track.count; i++) if (track.src[i]! & GAP_BEFORE) n++;
	const starts = new Int32Array(n);
	let k = 1;
	for (let i = 1; i < track.count; i++) if (track.src[i]! & GAP_BEFORE) starts[k++] = i;
	return starts;
}

/** Distance walked in metres: the sum over each part; nothing is counted across a gap. */
export function trackDistance(track: Track, from = 0, to = track.count): number {
	const { lat, lon, src } = track;
	let sum = 0;
	for (let i = from + 1; i < to; i++) {
		if (src[i]! & GAP_BEFORE) continue;
		sum += haversine(lat[i - 1]!, lon[i - 1]!, lat[i]!, lon[i]!);
	}
	return sum;
}

/**
 * Checks the invariants every consumer relies on. Returns the first problem as a sentence, or
 * null: arrays as long as `count`, coordinates in range, times finite and never decreasing,
 * accuracy finite and not negative, known source codes.
 */
export function checkTrack(track: Track): string | null {
	const { count, t, lat, lon, acc, src } = track;
	if (!Number.isInteger(count) || count < 0) return `bad count ${count}`;
	for (const [name, col] of [
		['t', t],
		['lat', lat],
		['lon', lon],
		['acc', acc],
		['src', src]
	] as const) {
		if (col.length !== count) return `${name} has ${col.length} values, count is ${count}`;
	}
	for (let i = 0; i < count; i++) {
		const ti = t[i]!;
		if (!Number.isFinite(ti) || ti < 0) return `fix ${i}: bad time ${ti}`;
		if (i > 0 && ti < t[i - 1]!) return `fix ${i}: time goes backwards`;
		const la = lat[i]!;
		const lo = lon[i]!;
		if (!(la >= -90 && la <= 90 && lo >= -180 && lo <= 180))
			return `fix ${i}: coordinates out of range (${la}, ${lo})`;
		const a = acc[i]!;
		if (!(a >= 0) || a === Infinity) return `fix ${i}: bad accuracy ${a}`;
		if (!isValidSourceByte(src[i]!)) return `fix ${i}: unknown source code ${src[i]}`;
	}
	return null;
}

/** Index of the last fix with `t[i] <= time`, or -1 when time is before the first (binary search). */
export function indexAtOrBefore(track: Track, time: number): number {
	let lo = 0;
	let hi = track.count - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >>> 1;
		if (track.t[mid]! <= time) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found;
}

/** Index of the first fix with `t[i] >= time`, or `count` when time is after the last. */
export function indexAtOrAfter(track: Track, time: number): number {
	let lo = 0;
	let hi = track.count;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (track.t[mid]! < time) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
