import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import circle from '@turf/circle';
import distance from '@turf/distance';
import { featureCollection, polygon } from '@turf/helpers';
import union from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { isLive, isValidOn, type InstitutionKind, type Place, type PlaceLocation } from './place';

/** The heatmap's default: a whole-cell exclusion starts from this buffer around an institution. */
export const DEFAULT_EXCLUSION_METRES = 150;
export const MAX_EXCLUSION_METRES = 2_000;

// turf's mean earth radius, so our metres agree with @turf/circle and @turf/distance.
const EARTH_RADIUS = 6_371_008.8;
const M_PER_DEG = (EARTH_RADIUS * Math.PI) / 180;

export type ExclusionGeometry = Polygon | MultiPolygon;

function checkMetres(metres: number): void {
	if (!(metres >= 0 && metres <= MAX_EXCLUSION_METRES))
		throw new RangeError(`exclusion buffer must be 0–${MAX_EXCLUSION_METRES} m, got ${metres}`);
}

/**
 * A circle polygon that contains the true circle: its edges are chords, so the radius is raised
 * until the chords lie on the circle. A buffer that is a little too big hides a little more; one
 * that is too small would let points just inside it show.
 */
function outerCircle(centre: Position, metres: number, steps: number): Feature<Polygon> {
	return circle(centre, metres / Math.cos(Math.PI / steps), { steps, units: 'meters' });
}

/** Local flat coordinates in metres around a latitude: exact enough over a few hundred metres. */
const toMetres = (p: Position, lat0: number): [number, number] => [
	p[0]! * M_PER_DEG * Math.cos((lat0 * Math.PI) / 180),
	p[1]! * M_PER_DEG
];
const toDegrees = ([x, y]: [number, number], lat0: number): Position => [
	x / (M_PER_DEG * Math.cos((lat0 * Math.PI) / 180)),
	y / M_PER_DEG
];

/** The band of width 2·metres along one edge of a ring. */
function edgeBand(p: Position, q: Position, metres: number): Feature<Polygon> | null {
	const lat0 = (p[1]! + q[1]!) / 2;
	const [x1, y1] = toMetres(p, lat0);
	const [x2, y2] = toMetres(q, lat0);
	const len = Math.hypot(x2 - x1, y2 - y1);
	if (len === 0) return null;
	const nx = (-(y2 - y1) / len) * metres;
	const ny = ((x2 - x1) / len) * metres;
	const corners: [number, number][] = [
		[x1 + nx, y1 + ny],
		[x2 + nx, y2 + ny],
		[x2 - nx, y2 - ny],
		[x1 - nx, y1 - ny]
	];
	const ring = corners.map((c) => toDegrees(c, lat0));
	return polygon([[...ring, ring[0]!]]);
}

/**
 * The area an institution excludes from everyday-life maps: its point and radius grown by the
 * buffer, or its polygon grown by the buffer (the polygon, plus a band along every edge and a
 * disc at every corner: the same shape a buffer operation gives, without pulling in a JSTS port).
 */
export function exclusionArea(
	location: PlaceLocation,
	metres = DEFAULT_EXCLUSION_METRES,
	steps = 64
): ExclusionGeometry {
	checkMetres(metres);
	if (location.type === 'point')
		return outerCircle([location.lon, location.lat], location.radius + metres, steps).geometry;
	const ring = location.ring;
	if (metres === 0) return { type: 'Polygon', coordinates: [ring] };
	const parts: Feature<Polygon>[] = [polygon([ring])];
	// Corner discs need fewer steps than a whole circle: most of each is inside the bands.
	const cornerSteps = Math.max(8, Math.round(steps / 4));
	for (let i = 0; i < ring.length - 1; i++) {
		const band = edgeBand(ring[i]!, ring[i + 1]!, metres);
		if (band) parts.push(band);
		parts.push(outerCircle(ring[i]!, metres, cornerSteps));
	}
	const merged = union(featureCollection(parts));
	if (!merged) throw new Error('could not build the exclusion area');
	return merged.geometry;
}

/** Distance in metres from a point to a segment, on a local flat projection. */
function segmentDistance(pt: Position, a: Position, b: Position): number {
	const lat0 = pt[1]!;
	const [px, py] = toMetres(pt, lat0);
	const [ax, ay] = toMetres(a, lat0);
	const [bx, by] = toMetres(b, lat0);
	const dx = bx - ax;
	const dy = by - ay;
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Whether a position lies within the institution's place plus the buffer: the exact test that
 * `exclusionArea` draws. For filtering fixes and stops before they are counted.
 */
export function isExcluded(
	lon: number,
	lat: number,
	location: PlaceLocation,
	metres = DEFAULT_EXCLUSION_METRES
): boolean {
	checkMetres(metres);
	if (location.type === 'point')
		return (
			distance([location.lon, location.lat], [lon, lat], { units: 'meters' }) <=
			location.radius + metres
		);
	const ring = location.ring;
	if (booleanPointInPolygon([lon, lat], { type: 'Polygon', coordinates: [ring] })) return true;
	for (let i = 0; i < ring.length - 1; i++)
		if (segmentDistance([lon, lat], ring[i]!, ring[i + 1]!) <= metres) return true;
	return false;
}

export interface ExclusionProperties {
	placeId: string;
	name: string;
	institutionKind: InstitutionKind | null;
	positionToVerify: boolean;
}

/**
 * The exclusion areas of every live institution with a position, for the map. With `day`, only
 * institutions open on that day (a shelter that closed in 2023 does not hide 2025's streets).
 */
export function exclusionAreas(
	places: readonly Place[],
	opts: { metres?: number; day?: string; steps?: number } = {}
): FeatureCollection<ExclusionGeometry, ExclusionProperties> {
	const features: Feature<ExclusionGeometry, ExclusionProperties>[] = [];
	for (const place of places) {
		if (!place.institution || !isLive(place) || place.location === null) continue;
		if (opts.day !== undefined && !isValidOn(place, opts.day)) continue;
		features.push({
			type: 'Feature',
			geometry: exclusionArea(place.location, opts.metres, opts.steps),
			properties: {
				placeId: place.id,
				name: place.name,
				institutionKind: place.institutionKind,
				positionToVerify: place.positionToVerify
			}
		});
	}
	return { type: 'FeatureCollection', features };
}
