import {
	cellToBoundary,
	cellToLatLng,
	getHexagonEdgeLengthAvg,
	getResolution,
	latLngToCell
} from 'h3-js';
import type { CellLocation, CellResolution } from './cell-schema';

export {
	CellId,
	CellLocation,
	CellResolution,
	DEFAULT_HEATMAP_RESOLUTION,
	DEFAULT_NOTE_RESOLUTION
} from './cell-schema';

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
