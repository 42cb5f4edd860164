import { bboxOf } from '../neighbourhoods/geometry';
import { NEIGHBOURHOOD_KEYS, type NeighbourhoodKey } from '../neighbourhoods/keys';
import { neighbourhoodAt, type Outlines } from '../neighbourhoods/locate';
import { GAP_BEFORE } from './fix';
import { createTrack, type Track } from './track';

/**
 * The field area is the three neighbourhoods' outlines. A track that leaves it is either a day
 * somewhere else (a logger's holiday in Slovenia, a wrong file) or one that strays beyond the
 * study's streets: the import asks before such positions join the study's maps.
 */

/** How much of a track lies in the field area, and where most of it is. */
export interface FieldAreaCheck {
	total: number;
	inside: number;
	/** The neighbourhood most fixes fall in; null when none does. */
	neighbourhood: NeighbourhoodKey | null;
}

/** Share of fixes outside above which the import asks (a short detour is no question). */
export const OUTSIDE_ASK_SHARE = 0.2;

/** Which neighbourhood each fix falls in (-1 outside), quickly: most fixes fail the box test. */
function locator(outlines: Outlines): (lon: number, lat: number) => number {
	const boxes = NEIGHBOURHOOD_KEYS.map((k) => bboxOf(outlines[k]));
	return (lon, lat) => {
		if (!boxes.some(([w, s, e, n]) => lon >= w && lon <= e && lat >= s && lat <= n)) return -1;
		const nb = neighbourhoodAt(lon, lat, outlines);
		return nb === null ? -1 : NEIGHBOURHOOD_KEYS.indexOf(nb);
	};
}

/** Fixes looked at when checking: a share and a majority need no more, whatever the length. */
const CHECK_SAMPLES = 2000;

/** How much of the track is in the field area (`total` and `inside` count the fixes looked at). */
export function checkFieldArea(track: Track, outlines: Outlines): FieldAreaCheck {
	const where = locator(outlines);
	const counts = NEIGHBOURHOOD_KEYS.map(() => 0);
	const step = Math.max(1, Math.floor(track.count / CHECK_SAMPLES));
	let total = 0;
	let inside = 0;
	for (let i = 0; i < track.count; i += step) {
		total++;
		const k = where(track.lon[i]!, track.lat[i]!);
		if (k < 0) continue;
		inside++;
		counts[k]!++;
	}
	const best = counts.reduce((b, n, k) => (n > (counts[b] ?? 0) ? k : b), 0);
	return {
		total,
		inside,
		neighbourhood: inside > 0 ? NEIGHBOURHOOD_KEYS[best]! : null
	};
}

/** Whether the import should ask before storing the track (keep, trim or cancel). */
export function leavesFieldArea(check: FieldAreaCheck): boolean {
	return check.total > 0 && check.total - check.inside > check.total * OUTSIDE_ASK_SHARE;
}

/**
 * The track's fixes inside the field area only. Where a stretch outside was cut out, the next
 * fix inside starts a new part (a gap): no line is drawn across what was removed.
 */
export function trimToFieldArea(track: Track, outlines: Outlines): Track {
	const where = locator(outlines);
	const keep = new Uint8Array(track.count);
	let kept = 0;
	for (let i = 0; i < track.count; i++)
		if (where(track.lon[i]!, track.lat[i]!) >= 0) {
			keep[i] = 1;
			kept++;
		}
	const out = createTrack(kept);
	let n = 0;
	let cut = false;
	for (let i = 0; i < track.count; i++) {
		if (!keep[i]) {
			cut = true;
			continue;
		}
		out.t[n] = track.t[i]!;
		out.lat[n] = track.lat[i]!;
		out.lon[n] = track.lon[i]!;
		out.acc[n] = track.acc[i]!;
		const gap = n > 0 && (cut || (track.src[i]! & GAP_BEFORE) !== 0);
		out.src[n] = (track.src[i]! & ~GAP_BEFORE) | (gap ? GAP_BEFORE : 0);
		cut = false;
		n++;
	}
	return out;
}
