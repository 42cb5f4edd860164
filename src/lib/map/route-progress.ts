import type { Feature, FeatureCollection, Position } from 'geojson';
import { GAP_BEFORE, SOURCE_CODE, SOURCE_MASK } from '$lib/domain/tracks/fix';
import type { Track } from '$lib/domain/tracks/track';
import type { LayerWithoutSource } from './layers';
import { ROUTE_COLOUR, SKETCH_COLOUR } from './route';

/**
 * The replay's route in pieces of at most `PIECE` fixes, each with the time it starts, so the
 * part already travelled can be drawn apart from the part to come by feature state (a paint
 * change, no re-tiling) as the replay passes each piece. Pieces break at gaps (never a line
 * across one) and where the route changes between recorded and reconstructed.
 */
export const PIECE = 100;

/** A colour for the route still to come: present, but stepped back from the route travelled. */
export const TO_COME_COLOUR = '#9aa5b1';

export interface RoutePieces {
	data: FeatureCollection;
	/** Start time of each piece, by feature id (0, 1, 2, …), in time order. */
	starts: Float64Array;
}

const REC = SOURCE_CODE.reconstructed;

export function routePieces(track: Track): RoutePieces {
	const features: Feature[] = [];
	const starts: number[] = [];
	const { count, t, lat, lon, src } = track;
	let line: Position[] = [];
	let t0 = 0;
	let rec = false;
	const push = () => {
		if (line.length < 2) return;
		features.push({
			type: 'Feature',
			id: features.length,
			geometry: { type: 'LineString', coordinates: line },
			properties: { reconstructed: rec }
		});
		starts.push(t0);
	};
	const isRec = (i: number) => (src[i]! & SOURCE_MASK) === REC;
	for (let i = 0; i < count; i++) {
		const p: Position = [lon[i]!, lat[i]!];
		const stepRec = i > 0 && (isRec(i) || isRec(i - 1));
		if (i === 0 || src[i]! & GAP_BEFORE) {
			push();
			[line, t0, rec] = [[p], t[i]!, isRec(i)];
			continue;
		}
		if (line.length === 1) rec = stepRec;
		else if (stepRec !== rec || line.length >= PIECE) {
			// The new piece starts where the last one ended: no hole in the line.
			const joint = line[line.length - 1]!;
			push();
			[line, t0, rec] = [[joint], t[i - 1]!, stepRec];
		}
		line.push(p);
	}
	push();
	return { data: { type: 'FeatureCollection', features }, starts: Float64Array.from(starts) };
}

/** How many pieces have begun by `time` (binary search over their start times). */
export function piecesBegun(starts: Float64Array, time: number): number {
	let lo = 0;
	let hi = starts.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (starts[mid]! <= time) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

const travelled = ['boolean', ['feature-state', 'travelled'], false];

/** Recorded solid, reconstructed dashed (as on the day's map); travelled in colour, to come grey. */
export const replayRouteLayers = (prefix: string): LayerWithoutSource[] =>
	[
		{
			id: `${prefix}-casing`,
			type: 'line',
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': 0.9 }
		},
		{
			id: `${prefix}-recorded`,
			type: 'line',
			filter: ['!', ['get', 'reconstructed']],
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: {
				'line-color': ['case', travelled, ROUTE_COLOUR, TO_COME_COLOUR],
				'line-width': ['case', travelled, 5, 3]
			}
		},
		{
			id: `${prefix}-reconstructed`,
			type: 'line',
			filter: ['get', 'reconstructed'],
			paint: {
				'line-color': ['case', travelled, SKETCH_COLOUR, TO_COME_COLOUR],
				'line-width': ['case', travelled, 5, 3],
				'line-dasharray': [1.5, 1.2]
			}
		}
	] as LayerWithoutSource[];
