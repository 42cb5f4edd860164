import { latLngToCell } from 'h3-js';
import type { NamedPlaceContent } from '../named-places/named-place';
import type { PlaceLocation } from '../places/place';
import type { NamedPlaceInput } from './schema';

/**
 * A glossary place stands for its position at the finest heatmap grid (resolution 10, ≈76 m): it
 * is a public place of the glossary, not a person's position, and every map resolution is a
 * parent of it.
 */
const GLOSSARY_RESOLUTION = 10;

/** Noon UTC of a YYYY-MM-DD date: the same calendar day in Copenhagen, summer or winter. */
export const dateAsMs = (date: string) => Date.parse(`${date}T12:00:00Z`);

/** The cell a glossary place's location stands for (a polygon: the average of its corners). */
export function placeCell(loc: PlaceLocation): string {
	if (loc.type === 'point') return latLngToCell(loc.lat, loc.lon, GLOSSARY_RESOLUTION);
	const ring = loc.ring.slice(0, -1); // closed: the last corner repeats the first
	const lon = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
	const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
	return latLngToCell(lat, lon, GLOSSARY_RESOLUTION);
}

/**
 * A named-place record as the heatmap's input: its cell (a glossary place through its location;
 * one without a location is on no map) and the day it was named (the interview's date, else when
 * the record was made).
 */
export function namedPlaceInput(
	np: NamedPlaceContent & { createdAt: number },
	placeLocation: (placeId: string) => PlaceLocation | null,
	interviewDate: (interviewId: string) => string | null
): NamedPlaceInput | null {
	const where = np.where;
	let cell: string;
	if (where.kind === 'cell') cell = where.cell;
	else {
		const loc = placeLocation(where.placeId);
		if (!loc) return null;
		cell = placeCell(loc);
	}
	const date = np.interviewId ? interviewDate(np.interviewId) : null;
	return {
		participantId: np.participantId,
		source: np.source,
		cell,
		activity: np.activity,
		namedAt: date ? dateAsMs(date) : np.createdAt
	};
}
