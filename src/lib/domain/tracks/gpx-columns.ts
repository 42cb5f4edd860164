import { inTimeOrder } from './gpx-features';
import type { GpxProblem, GpxProblemCode, GpxSegment } from './gpx';
import { ACC_UNKNOWN, GAP_BEFORE, SOURCE_CODE } from './fix';
import { createTrack, type Track } from './track';

/*
 * The columns gpx-scan.ts reads a GPX into, and the checks that turn them into a track: what
 * `buildTrack` does over GeoJSON features, done over typed arrays.
 */

/** Growable columns for the points inside `trk > trkseg`, in document order. */
export class Points {
	n = 0;
	lat = new Float64Array(4096);
	lon = new Float64Array(4096);
	t = new Float64Array(4096);
	/** 1 when the point has a non-empty first `time` element. */
	timed = new Uint8Array(4096);

	push(lat: number, lon: number): number {
		if (this.n === this.lat.length) {
			const grow = <A extends Float64Array | Uint8Array>(a: A): A => {
				const b = new (a.constructor as new (n: number) => A)(a.length * 2);
				b.set(a);
				return b;
			};
			this.lat = grow(this.lat);
			this.lon = grow(this.lon);
			this.t = grow(this.t);
			this.timed = grow(this.timed);
		}
		this.lat[this.n] = lat;
		this.lon[this.n] = lon;
		this.t[this.n] = NaN;
		this.timed[this.n] = 0;
		return this.n++;
	}
}

export interface RawSegment {
	track: number;
	from: number;
	to: number;
}

/** The checks and gap flags of `buildTrack`, over columns instead of GeoJSON features. */
export function buildColumns(
	p: Points,
	kept: RawSegment[],
	trackIds: number[],
	names: (string | null)[],
	count: number,
	gapMs: number
): { track: Track; segments: GpxSegment[] } | GpxProblem {
	const track = createTrack(count);
	const segments: GpxSegment[] = [];
	const src = SOURCE_CODE.imported;
	let n = 0;
	for (let ti = 0; ti < trackIds.length; ti++) {
		const segs = kept.filter((s) => s.track === trackIds[ti]);
		const name = names[trackIds[ti]!] ?? null;
		const timedIn = segs.map((s) => timedCount(p, s));
		// togeojson drops a multi-segment track's per-segment times when a segment has none.
		const timesDropped = segs.length > 1 && timedIn.some((k) => k === 0);
		for (let si = 0; si < segs.length; si++) {
			const s = segs[si]!;
			if (timesDropped || timedIn[si] !== s.to - s.from)
				return {
					code: 'missing-times',
					message: `a segment of track ${ti + 1} has points without a time`
				};
			const from = n;
			for (let i = s.from; i < s.to; i++, n++) {
				const lat = p.lat[i]!;
				const lon = p.lon[i]!;
				if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
					return fault('coordinates-out-of-range', `point ${n + 1} lies at (${lat}, ${lon})`, n);
				const t = p.t[i]!;
				if (!Number.isFinite(t))
					return fault('missing-times', `point ${n + 1} has no readable time`, n);
				const first = i === s.from;
				if (!first && t < track.t[n - 1]!)
					return fault('time-backwards', `point ${n + 1} is earlier than the one before`, n);
				track.t[n] = t;
				track.lat[n] = lat;
				track.lon[n] = lon;
				track.acc[n] = ACC_UNKNOWN;
				track.src[n] =
					src | ((first && n > 0) || (!first && t - track.t[n - 1]! > gapMs) ? GAP_BEFORE : 0);
			}
			segments.push({ track: ti, segment: si, name, from, to: n });
		}
	}
	return inTimeOrder(track, segments);
}

function timedCount(p: Points, s: RawSegment): number {
	let k = 0;
	for (let i = s.from; i < s.to; i++) k += p.timed[i]!;
	return k;
}

function fault(code: GpxProblemCode, message: string, point: number): GpxProblem {
	return { code, message, point };
}
