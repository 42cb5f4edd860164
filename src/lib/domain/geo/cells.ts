import {
	cellToBoundary,
	cellToLatLng,
	getHexagonEdgeLengthAvg,
	getResolution,
	isValidCell,
	latLngToCell
} from 'h3-js';
import { z } from 'zod';

/** H3 resolutions the app offers: 7 (≈1.4 km edge) to 10 (≈76 m edge). */
export const CellResolution = z.number().int().min(7).max(10);
export type CellResolution = z.infer<typeof CellResolution>;

export const DEFAULT_NOTE_RESOLUTION: CellResolution = 8;
export const DEFAULT_HEATMAP_RESOLUTION: CellResolution = 9;

/** A coarse location: the cell, its centre and its resolution. Never the raw fix. */
export const CellLocation = z.object({
	cell: z.string().refine(isValidCell, 'not a valid H3 cell'),
	resolution: CellResolution,
	lat: z.number().min(-90).max(90),
	lon: z.number().min(-180).max(180)
});
export type CellLocation = z.infer<typeof CellLocation>;

/** Snaps a position to its cell at once; the position itself is not kept. Deterministic. */
export function snapToCell(lat: number, lon: number, resolution: CellResolution): CellLocation {
	const cell = latLngToCell(lat, lon, resolution);
	const [clat, clon] = cellToLatLng(cell);
	return { cell, resolution, lat: round6(clat), lon: round6(clon) };
}

export function cellLocation(cell: string): CellLocation {
	const [lat, lon] = cellToLatLng(cell);
	return {
		cell,
		resolution: getResolution(cell) as CellResolution,
		lat: round6(lat),
		lon: round6(lon)
	};
}

/** Average edge length in metres; a fix less accurate than this cannot be placed in one cell. */
export function cellEdgeMetres(resolution: CellResolution): number {
	return getHexagonEdgeLengthAvg(resolution, 'm');
}

/** The cell's outline as a closed GeoJSON ring ([lon, lat]). */
export function cellPolygon(cell: string): number[][] {
	const ring = cellToBoundary(cell, true);
	return ring;
}

function round6(v: number): number {
	return Math.round(v * 1e6) / 1e6;
}
