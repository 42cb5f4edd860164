import type { Feature, FeatureCollection, Position } from 'geojson';
import { GAP_BEFORE, SOURCE_CODE, SOURCE_MASK } from '$lib/domain/tracks/fix';
import type { Track } from '$lib/domain/tracks/track';
import type { LayerWithoutSource } from './layers';

/**
 * A day's route and stops as map data: one line per stretch, split at every gap (never a line
 * across one) and where it changes between recorded and reconstructed, which are drawn
 * differently. No per-point properties, so a 50,000-fix day stays a small source.
 */

export const ROUTE_COLOUR = '#c2410c';
export const SKETCH_COLOUR = '#6d28d9';
export const STOP_COLOUR = '#0f5e9c';

const REC = SOURCE_CODE.reconstructed;

export function routeFeatures(track: Track): FeatureCollection {
	const features: Feature[] = [];
	const { count, lat, lon, src } = track;
	let line: Position[] = [];
	let rec = false;
	const push = () => {
		if (line.length === 1) features.push(feature({ type: 'Point', coordinates: line[0]! }, rec));
		else if (line.length > 1)
			features.push(feature({ type: 'LineString', coordinates: line }, rec));
	};
	const isRec = (i: number) => (src[i]! & SOURCE_MASK) === REC;
	for (let i = 0; i < count; i++) {
		const p: Position = [lon[i]!, lat[i]!];
		if (i === 0 || src[i]! & GAP_BEFORE) {
			push();
			line = [p];
			rec = isRec(i);
			continue;
		}
		// A step is reconstructed when either end is; two stretches share the fix where they meet.
		const stepRec = isRec(i) || isRec(i - 1);
		if (line.length === 1) rec = stepRec;
		else if (stepRec !== rec) {
			const joint = line[line.length - 1]!;
			push();
			line = [joint];
			rec = stepRec;
		}
		line.push(p);
	}
	push();
	return { type: 'FeatureCollection', features };
}

function feature(geometry: Feature['geometry'], reconstructed: boolean): Feature {
	return { type: 'Feature', geometry, properties: { reconstructed } };
}

export interface MapStop {
	id: string;
	lat: number;
	lon: number;
	proposed: boolean;
	institution: boolean;
}

/** The stops as the map draws them (a proposal is drawn apart from a confirmed stop). */
export function mapStopsOf(
	stops: readonly { id: string; lat: number; lon: number; status: string; institution: boolean }[]
): MapStop[] {
	return stops.map((s) => ({
		id: s.id,
		lat: s.lat,
		lon: s.lon,
		proposed: s.status === 'proposed',
		institution: s.institution
	}));
}

export function stopFeatures(
	stops: readonly MapStop[],
	selected: string | null = null
): FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: stops.map((s) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
			properties: {
				id: s.id,
				proposed: s.proposed,
				institution: s.institution,
				selected: s.id === selected
			}
		}))
	};
}

/** [[west, south], [east, north]] around the route and stops, or null when there is nothing. */
export function routeBounds(
	track: Track,
	stops: readonly { lat: number; lon: number }[] = []
): [[number, number], [number, number]] | null {
	let w = Infinity;
	let s = Infinity;
	let e = -Infinity;
	let n = -Infinity;
	const add = (la: number, lo: number) => {
		if (lo < w) w = lo;
		if (lo > e) e = lo;
		if (la < s) s = la;
		if (la > n) n = la;
	};
	for (let i = 0; i < track.count; i++) add(track.lat[i]!, track.lon[i]!);
	for (const p of stops) add(p.lat, p.lon);
	if (w === Infinity) return null;
	// A single point still needs an area to frame: about 200 m around it.
	const pad = 0.001;
	if (e - w < pad) [w, e] = [w - pad, e + pad];
	if (n - s < pad) [s, n] = [s - pad, n + pad];
	return [
		[w, s],
		[e, n]
	];
}

export const routeLayers = (prefix: string): LayerWithoutSource[] => [
	{
		id: `${prefix}-casing`,
		type: 'line',
		filter: ['==', ['geometry-type'], 'LineString'],
		layout: { 'line-join': 'round', 'line-cap': 'round' },
		paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': 0.9 }
	},
	{
		id: `${prefix}-recorded`,
		type: 'line',
		filter: ['all', ['==', ['geometry-type'], 'LineString'], ['!', ['get', 'reconstructed']]],
		layout: { 'line-join': 'round', 'line-cap': 'round' },
		paint: { 'line-color': ROUTE_COLOUR, 'line-width': 4 }
	},
	{
		id: `${prefix}-reconstructed`,
		type: 'line',
		filter: ['all', ['==', ['geometry-type'], 'LineString'], ['get', 'reconstructed']],
		paint: { 'line-color': SKETCH_COLOUR, 'line-width': 4, 'line-dasharray': [1.5, 1.2] }
	},
	{
		id: `${prefix}-lone`,
		type: 'circle',
		filter: ['==', ['geometry-type'], 'Point'],
		paint: { 'circle-color': ROUTE_COLOUR, 'circle-radius': 4 }
	}
];

export const stopLayers = (prefix: string): LayerWithoutSource[] => [
	{
		id: `${prefix}-stop`,
		type: 'circle',
		paint: {
			'circle-radius': ['case', ['get', 'selected'], 13, 9],
			// A proposal is hollow until the researcher confirms it.
			'circle-color': [
				'case',
				['get', 'proposed'],
				'#ffffff',
				['get', 'institution'],
				'#6b7280',
				STOP_COLOUR
			],
			'circle-stroke-color': [
				'case',
				['get', 'selected'],
				'#111827',
				['get', 'proposed'],
				STOP_COLOUR,
				'#ffffff'
			],
			'circle-stroke-width': ['case', ['get', 'selected'], 4, ['get', 'proposed'], 3, 2]
		}
	}
];
