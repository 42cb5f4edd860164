import { APPROXIMATE_OUTLINES } from '../neighbourhoods/outlines';
import { polygonsOf } from '../neighbourhoods/geometry';
import { NEIGHBOURHOOD_KEYS, type NeighbourhoodKey } from '../neighbourhoods/keys';

/** West, south, east, north in degrees (WGS 84), as in TileJSON and PMTiles headers. */
export type Bbox = [number, number, number, number];

export interface TileKey {
	z: number;
	x: number;
	y: number;
}

/** The zoom levels a downloaded field area holds (see docs/offline-map.md for why 10 and 16). */
export const FIELD_ZOOMS = { min: 10, max: 16 } as const;

/** Around the three neighbourhoods: a participant's route or a stop often lies just outside. */
export const FIELD_MARGIN_METRES = 1000;

const clampLat = (lat: number) => Math.max(-85.05112878, Math.min(85.05112878, lat));

/** The tile (Web Mercator, XYZ scheme) that holds a point at zoom z. */
export function tileAt(lon: number, lat: number, z: number): { x: number; y: number } {
	const n = 2 ** z;
	const rad = (clampLat(lat) * Math.PI) / 180;
	const x = Math.floor(((lon + 180) / 360) * n);
	const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
	return { x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/** The tiles of zoom z that touch a bbox: inclusive ranges of x and y. */
export function tileRange(
	bbox: Bbox,
	z: number
): { minX: number; maxX: number; minY: number; maxY: number } {
	const nw = tileAt(bbox[0], bbox[3], z);
	const se = tileAt(bbox[2], bbox[1], z);
	return { minX: nw.x, maxX: se.x, minY: nw.y, maxY: se.y };
}

/** How many tiles each zoom level adds, from minZoom to maxZoom. */
export function tileCounts(bbox: Bbox, minZoom: number, maxZoom: number): number[] {
	const out: number[] = [];
	for (let z = minZoom; z <= maxZoom; z++) {
		const r = tileRange(bbox, z);
		out.push((r.maxX - r.minX + 1) * (r.maxY - r.minY + 1));
	}
	return out;
}

/** Every tile over a bbox, zoom by zoom, in a fixed order (a resumed download walks it again). */
export function* tilesOf(bbox: Bbox, minZoom: number, maxZoom: number): Generator<TileKey> {
	for (let z = minZoom; z <= maxZoom; z++) {
		const r = tileRange(bbox, z);
		for (let x = r.minX; x <= r.maxX; x++) for (let y = r.minY; y <= r.maxY; y++) yield { z, x, y };
	}
}

/** The area a tile covers. */
export function tileBbox({ z, x, y }: TileKey): Bbox {
	const n = 2 ** z;
	const lon = (i: number) => (i / n) * 360 - 180;
	const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
	return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

export function bboxOfRings(rings: number[][][]): Bbox {
	const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
	for (const ring of rings)
		for (const [lon, lat] of ring) {
			b[0] = Math.min(b[0], lon!);
			b[1] = Math.min(b[1], lat!);
			b[2] = Math.max(b[2], lon!);
			b[3] = Math.max(b[3], lat!);
		}
	return b;
}

/** The extent of one neighbourhood (the project's outline). */
export function neighbourhoodBbox(key: NeighbourhoodKey): Bbox {
	return bboxOfRings(polygonsOf(APPROXIMATE_OUTLINES[key]).flat());
}

/** A bbox grown by a margin in metres on every side. */
export function grow(b: Bbox, metres: number): Bbox {
	const dLat = metres / 111_320;
	const dLon = metres / (111_320 * Math.cos((((b[1] + b[3]) / 2) * Math.PI) / 180));
	return [b[0] - dLon, b[1] - dLat, b[2] + dLon, b[3] + dLat];
}

/** The three neighbourhoods' extent plus the margin: what "Download the field area" fetches. */
export function fieldArea(margin = FIELD_MARGIN_METRES): Bbox {
	const all = NEIGHBOURHOOD_KEYS.map(neighbourhoodBbox);
	return grow(
		[
			Math.min(...all.map((b) => b[0])),
			Math.min(...all.map((b) => b[1])),
			Math.max(...all.map((b) => b[2])),
			Math.max(...all.map((b) => b[3]))
		],
		margin
	);
}

export function contains(outer: Bbox, inner: Bbox): boolean {
	return (
		outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3]
	);
}

export function intersects(a: Bbox, b: Bbox): boolean {
	return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** The neighbourhoods whose whole outline lies inside an archive's bounds. */
export function coveredNeighbourhoods(bounds: Bbox): NeighbourhoodKey[] {
	return NEIGHBOURHOOD_KEYS.filter((k) => contains(bounds, neighbourhoodBbox(k)));
}

/** Width and height of a bbox in kilometres (for "area" in Settings). */
export function bboxSizeKm(b: Bbox): { width: number; height: number } {
	const lat = (((b[1] + b[3]) / 2) * Math.PI) / 180;
	return {
		width: (b[2] - b[0]) * 111.32 * Math.cos(lat),
		height: (b[3] - b[1]) * 111.32
	};
}
