import type { Feature } from 'geojson';
import { ACC_UNKNOWN, GAP_BEFORE, SOURCE_CODE } from './fix';
import type { GpxProblem, GpxSegment, GpxWaypoint } from './gpx';
import { createTrack, type Track } from './track';

/**
 * From togeojson's features to a Track: the points of every track segment in columns, checked
 * point by point (range, time, order) so that a bad file yields a problem, never a partial track.
 */

const HAS_ZONE = /(?:Z|[+-]\d\d:?\d\d)$/i;

/** GPX times are UTC (GPX 1.1 schema, dateTime); Date.parse would read a time without a zone as local. */
export function utcTime(raw: string): number {
	return Date.parse(HAS_ZONE.test(raw) ? raw : `${raw}Z`);
}

type Line = {
	coords: number[][];
	times: unknown;
	trackIndex: number;
	segment: number;
	name: string | null;
};

/** togeojson gives a LineString per one-segment track and a MultiLineString otherwise. */
function linesOf(tracks: Feature[]): Line[] {
	const lines: Line[] = [];
	tracks.forEach((f, trackIndex) => {
		const g = f.geometry;
		const name = (f.properties?.name as string | undefined) ?? null;
		const times = (f.properties?.coordinateProperties as { times?: unknown } | undefined)?.times;
		if (g?.type === 'LineString')
			lines.push({ coords: g.coordinates, times, trackIndex, segment: 0, name });
		else if (g?.type === 'MultiLineString') {
			// Times come as one array per segment, but only for segments that have any.
			const perSegment = Array.isArray(times) && times.length === g.coordinates.length ? times : [];
			g.coordinates.forEach((coords, segment) =>
				lines.push({ coords, times: perSegment[segment], trackIndex, segment, name })
			);
		}
	});
	return lines;
}

export function countPoints(tracks: Feature[]): number {
	return linesOf(tracks).reduce((n, l) => n + l.coords.length, 0);
}

export function buildTrack(
	tracks: Feature[],
	count: number,
	gapMs: number
): { track: Track; segments: GpxSegment[] } | GpxProblem {
	const lines = linesOf(tracks);
	const track = createTrack(count);
	const segments: GpxSegment[] = [];
	const src = SOURCE_CODE.imported;
	let n = 0;
	for (const line of lines) {
		const times = Array.isArray(line.times) ? (line.times as unknown[]) : [];
		if (times.length !== line.coords.length)
			return {
				code: 'missing-times',
				message: `a segment of track ${line.trackIndex + 1} has points without a time`
			};
		const from = n;
		for (let k = 0; k < line.coords.length; k++, n++) {
			const c = line.coords[k]!;
			const lon = c[0]!;
			const lat = c[1]!;
			if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
				return {
					code: 'coordinates-out-of-range',
					message: `point ${n + 1} lies at (${lat}, ${lon})`,
					point: n
				};
			const t = utcTime(String(times[k]));
			if (!Number.isFinite(t))
				return { code: 'missing-times', message: `point ${n + 1} has no readable time`, point: n };
			if (k > 0 && t < track.t[n - 1]!)
				return {
					code: 'time-backwards',
					message: `point ${n + 1} is earlier than the one before`,
					point: n
				};
			track.t[n] = t;
			track.lat[n] = lat;
			track.lon[n] = lon;
			track.acc[n] = ACC_UNKNOWN;
			track.src[n] =
				src | ((k === 0 && n > 0) || (k > 0 && t - track.t[n - 1]! > gapMs) ? GAP_BEFORE : 0);
		}
		segments.push({ track: line.trackIndex, segment: line.segment, name: line.name, from, to: n });
	}
	return inTimeOrder(track, segments);
}

/**
 * Segments sorted by start time (a file may list tracks in any order); overlapping ones mean
 * times going backwards.
 */
export function inTimeOrder(
	track: Track,
	segments: GpxSegment[]
): { track: Track; segments: GpxSegment[] } | GpxProblem {
	const sorted = [...segments].sort((a, b) => track.t[a.from]! - track.t[b.from]!);
	for (let k = 1; k < sorted.length; k++) {
		const prev = sorted[k - 1]!;
		const cur = sorted[k]!;
		if (track.t[cur.from]! < track.t[prev.to - 1]!)
			return {
				code: 'time-backwards',
				message: `segments overlap in time at point ${cur.from + 1}`,
				point: cur.from
			};
	}
	if (sorted.every((s, k) => s === segments[k])) return { track, segments };
	const out = createTrack(track.count);
	const moved: GpxSegment[] = [];
	let n = 0;
	for (const s of sorted) {
		const len = s.to - s.from;
		out.t.set(track.t.subarray(s.from, s.to), n);
		out.lat.set(track.lat.subarray(s.from, s.to), n);
		out.lon.set(track.lon.subarray(s.from, s.to), n);
		out.acc.set(track.acc.subarray(s.from, s.to), n);
		out.src.set(track.src.subarray(s.from, s.to), n);
		out.src[n] = n === 0 ? out.src[n]! & ~GAP_BEFORE : out.src[n]! | GAP_BEFORE;
		moved.push({ ...s, from: n, to: n + len });
		n += len;
	}
	return { track: out, segments: moved };
}

export function waypointsOf(features: Feature[]): GpxWaypoint[] {
	const out: GpxWaypoint[] = [];
	for (const f of features) {
		if (f.geometry?.type !== 'Point') continue;
		const [lon, lat] = f.geometry.coordinates;
		if (lat === undefined || lon === undefined) continue;
		const time = f.properties?.time;
		const t = typeof time === 'string' ? utcTime(time) : NaN;
		out.push({
			lat,
			lon,
			t: Number.isFinite(t) ? t : null,
			name: (f.properties?.name as string) ?? null
		});
	}
	return out;
}

/**
 * `utcTime` with a fast path for the form GPS loggers write, "2026-03-03T09:00:00Z" with an
 * optional fraction of up to three digits; anything else (other zones, day 29–31, odd forms)
 * goes to `utcTime`, so the result is always the same as its.
 */
export function isoTime(s: string): number {
	const n = s.length;
	if (n < 20 || n > 24 || s.charCodeAt(n - 1) !== 90 /* Z */) return utcTime(s);
	if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':')
		return utcTime(s);
	const d = (i: number) => s.charCodeAt(i) - 48;
	let ok = true;
	const num = (from: number, to: number) => {
		let v = 0;
		for (let i = from; i < to; i++) {
			const c = d(i);
			if (c < 0 || c > 9) ok = false;
			v = v * 10 + c;
		}
		return v;
	};
	const year = num(0, 4);
	const month = num(5, 7);
	const day = num(8, 10);
	const hour = num(11, 13);
	const minute = num(14, 16);
	const second = num(17, 19);
	let ms = 0;
	if (n > 20) {
		if (s[19] !== '.' || n === 21) return utcTime(s);
		ms = num(20, n - 1) * (n === 22 ? 100 : n === 23 ? 10 : 1);
	}
	if (
		!ok ||
		year < 100 ||
		month < 1 ||
		month > 12 ||
		day < 1 ||
		day > 28 ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	)
		return utcTime(s);
	return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}
