import circle from '@turf/circle';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { Place, PlaceCategory, PlaceLocation } from '$lib/domain/places/place';
import type { LayerWithoutSource } from './layers';

/** One colour per category, distinct on the offline background and on OSM's light basemaps. */
export const CATEGORY_COLOURS: Record<PlaceCategory, string> = {
	hangout: '#1b7f6b',
	buying: '#b5179e',
	using: '#c4572a',
	sleeping: '#3a56a5',
	'earning-begging': '#8a6d00',
	waiting: '#6c5ce7',
	'getting-help': '#0b7a99',
	transport: '#4f5a56',
	shop: '#a0522d',
	park: '#3d8b2f',
	avoided: '#b3261e',
	other: '#777777'
};
export const INSTITUTION_OUTLINE = '#1d2321';
export const VERIFY_OUTLINE = '#e0a526';
export const EXCLUSION_COLOUR = '#b3261e';

export interface PlaceFeatureProps {
	id: string;
	name: string;
	category: PlaceCategory;
	colour: string;
	institution: boolean;
	verify: boolean;
}

/** The centre of a location: the point itself, or the mean of a ring's corners (its last repeats the first). */
export function locationCentre(location: PlaceLocation): [number, number] {
	if (location.type === 'point') return [location.lon, location.lat];
	const corners = location.ring.slice(0, -1);
	const lon = corners.reduce((s, p) => s + p[0], 0) / corners.length;
	const lat = corners.reduce((s, p) => s + p[1], 0) / corners.length;
	return [lon, lat];
}

const M_PER_DEG_LAT = 111_320;

/** West, south, east, north of a square of `metres` around a point: a camera that shows it all. */
export function boundsAround(
	lon: number,
	lat: number,
	metres: number
): [number, number, number, number] {
	const dLat = metres / M_PER_DEG_LAT;
	const dLon = metres / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
	return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

/**
 * The camera for one place: its area and, for an institution, the buffer around it, with at
 * least 120 m around the centre so a bench is seen with its street.
 */
export function placeBounds(
	location: PlaceLocation,
	bufferMetres: number
): [number, number, number, number] {
	if (location.type === 'point')
		return boundsAround(
			location.lon,
			location.lat,
			Math.max(120, location.radius + bufferMetres) * 1.1
		);
	const lons = location.ring.map((p) => p[0]);
	const lats = location.ring.map((p) => p[1]);
	const [w, s] = boundsAround(Math.min(...lons), Math.min(...lats), bufferMetres);
	const [, , e, n] = boundsAround(Math.max(...lons), Math.max(...lats), bufferMetres);
	return [w, s, e, n];
}

/** A location's area as a polygon: the drawn ring, or the circle of the radius (null for radius 0). */
export function locationArea(location: PlaceLocation): Polygon | null {
	if (location.type === 'polygon') return { type: 'Polygon', coordinates: [location.ring] };
	if (location.radius <= 0) return null;
	return circle([location.lon, location.lat], location.radius, { steps: 48, units: 'meters' })
		.geometry;
}

/**
 * The places with a position as map features: an area (the drawn polygon or the radius) and a
 * dot at the centre, so a tiny place stays visible and clickable at every zoom.
 */
export function placeFeatures(
	places: readonly Pick<
		Place,
		'id' | 'name' | 'category' | 'institution' | 'positionToVerify' | 'location'
	>[]
): FeatureCollection<Point | Polygon, PlaceFeatureProps> {
	const features: Feature<Point | Polygon, PlaceFeatureProps>[] = [];
	for (const p of places) {
		if (!p.location) continue;
		const properties: PlaceFeatureProps = {
			id: p.id,
			name: p.name,
			category: p.category,
			colour: CATEGORY_COLOURS[p.category],
			institution: p.institution,
			verify: p.positionToVerify
		};
		const area = locationArea(p.location);
		if (area) features.push({ type: 'Feature', geometry: area, properties });
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: locationCentre(p.location) },
			properties
		});
	}
	return { type: 'FeatureCollection', features };
}

export const placeLayers = (prefix: string): LayerWithoutSource[] => [
	{
		id: `${prefix}-area`,
		type: 'fill',
		filter: ['==', ['geometry-type'], 'Polygon'],
		paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.22 }
	},
	{
		id: `${prefix}-outline`,
		type: 'line',
		filter: ['==', ['geometry-type'], 'Polygon'],
		paint: { 'line-color': ['get', 'colour'], 'line-width': 2 }
	},
	{
		id: `${prefix}-dot`,
		type: 'circle',
		filter: ['==', ['geometry-type'], 'Point'],
		paint: {
			'circle-radius': ['case', ['get', 'institution'], 8, 6.5],
			'circle-color': ['get', 'colour'],
			'circle-stroke-width': ['case', ['get', 'institution'], 3, 2],
			'circle-stroke-color': [
				'case',
				['get', 'verify'],
				VERIFY_OUTLINE,
				['get', 'institution'],
				INSTITUTION_OUTLINE,
				'#ffffff'
			]
		}
	}
];

/** The exclusion buffer around institutions: what the everyday-life maps leave out. */
export const exclusionLayers = (prefix: string): LayerWithoutSource[] => [
	{
		id: `${prefix}-fill`,
		type: 'fill',
		paint: { 'fill-color': EXCLUSION_COLOUR, 'fill-opacity': 0.1 }
	},
	{
		id: `${prefix}-line`,
		type: 'line',
		paint: { 'line-color': EXCLUSION_COLOUR, 'line-width': 1.5, 'line-dasharray': [3, 2] }
	}
];

/** Cluster size at which a ring of places is drawn bigger: 2–4, 5–9, 10 and more. */
export const CLUSTER = { radius: 28, maxZoom: 15 };

/**
 * The dots of a clustered source: single places as `placeLayers` draws their dots, and places
 * too close to tell apart at this zoom as one ring, bigger the more it holds (a tap zooms in).
 */
export const clusteredDotLayers = (prefix: string): LayerWithoutSource[] => [
	{
		id: `${prefix}-cluster`,
		type: 'circle',
		filter: ['has', 'point_count'],
		paint: {
			'circle-radius': ['step', ['get', 'point_count'], 13, 5, 17, 10, 21],
			'circle-color': '#ffffff',
			'circle-stroke-color': INSTITUTION_OUTLINE,
			'circle-stroke-width': 4
		}
	},
	{ ...placeLayers(prefix)[2]!, filter: ['!', ['has', 'point_count']] } as LayerWithoutSource
];

/** Only the areas of `placeFeatures` (the dots go to a clustered source of their own). */
export const areaLayers = (prefix: string): LayerWithoutSource[] => placeLayers(prefix).slice(0, 2);
