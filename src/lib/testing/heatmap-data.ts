import { cellToLatLng, latLngToCell } from 'h3-js';
import { APPROXIMATE_OUTLINES } from '$lib/domain/neighbourhoods/outlines';
import type {
	HeatmapInput,
	HeatmapParticipant,
	Institution,
	TrackColumns
} from '$lib/domain/heatmap/schema';

/** Small synthetic datasets for the unit tests: places, stays, walks and tracks. */

export interface Pt {
	lat: number;
	lon: number;
}

/** The centre of the resolution-9 cell at a position, so a stay lies well inside one cell. */
export function place(lat: number, lon: number): Pt {
	const [clat, clon] = cellToLatLng(latLngToCell(lat, lon, 9));
	return { lat: clat, lon: clon };
}

export const cellOf = (p: Pt, res = 9) => latLngToCell(p.lat, p.lon, res);

/** Places in Vesterbro, far enough apart (≥ 800 m) to be in separate cells and clear of buffers. */
export const SHARED = place(55.662, 12.545);
export const HOME = place(55.668, 12.536);
export const INSTITUTION_AT = place(55.6706, 12.5614);
export const NORDVEST_SPOT = place(55.7046, 12.5298);

/** 10:00 Copenhagen time (CET, before the March change) on day n of a March 2026 fieldwork. */
export function day(n: number, hour = 10): number {
	return Date.UTC(2026, 2, 2 + n, hour - 1);
}

export const MINUTE = 60_000;

export interface Seg {
	t: number[];
	lat: number[];
	lon: number[];
	src: number[];
}

/** Fixes every stepS seconds at one place, the last exactly `minutes` after the first. */
export function stay(p: Pt, start: number, minutes: number, stepS = 15, src = 0): Seg {
	const seg: Seg = { t: [], lat: [], lon: [], src: [] };
	for (let s = 0; s <= minutes * 60; s += stepS) {
		seg.t.push(start + s * 1000);
		seg.lat.push(p.lat);
		seg.lon.push(p.lon);
		seg.src.push(src);
	}
	return seg;
}

/** Fixes along a straight line from a (included) towards b (excluded). */
export function walk(a: Pt, b: Pt, start: number, minutes: number, stepS = 15, src = 0): Seg {
	const seg: Seg = { t: [], lat: [], lon: [], src: [] };
	const n = (minutes * 60) / stepS;
	for (let i = 0; i < n; i++) {
		seg.t.push(start + i * stepS * 1000);
		seg.lat.push(a.lat + ((b.lat - a.lat) * i) / n);
		seg.lon.push(a.lon + ((b.lon - a.lon) * i) / n);
		seg.src.push(src);
	}
	return seg;
}

export function track(followAlongId: string, participantId: string, ...segs: Seg[]): TrackColumns {
	const all = (k: keyof Seg) => segs.flatMap((s) => s[k]);
	return {
		followAlongId,
		participantId,
		t: Float64Array.from(all('t')),
		lat: Float64Array.from(all('lat')),
		lon: Float64Array.from(all('lon')),
		src: Uint8Array.from(all('src'))
	};
}

/** A track of one stay: participant `pid` at `p` on day n for `minutes`. */
export function visit(pid: string, p: Pt, n: number, minutes = 30, hour = 10): TrackColumns {
	return track(`${pid}-d${n}-h${hour}`, pid, stay(p, day(n, hour), minutes));
}

export function participants(...ids: string[]): HeatmapParticipant[] {
	return ids.map((id) => ({ id, aggregateConsent: true, withdrawn: false }));
}

export function circle(id: string, p: Pt, radiusMetres = 20): Institution {
	return { shape: 'circle', id, lat: p.lat, lon: p.lon, radiusMetres };
}

export function dataset(partial: Partial<HeatmapInput>): HeatmapInput {
	return {
		participants: [],
		tracks: [],
		stops: [],
		notes: [],
		institutions: [],
		outlines: APPROXIMATE_OUTLINES,
		...partial
	};
}

export const ids = (prefix: string, n: number) =>
	Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** The cells shown in a map, as a set of ids. */
export function shownCells(result: {
	maps: Record<string, { cells: { cell: string }[] }>;
}): Set<string> {
	return new Set(Object.values(result.maps).flatMap((m) => m.cells.map((c) => c.cell)));
}
