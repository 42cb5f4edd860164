import turfArea from '@turf/area';
import { POLYGON_TO_CELLS_FLAGS, polygonToCellsExperimental } from 'h3-js';
import { polygonsOf, type AreaGeometry } from './geometry';

/**
 * What an imported outline may cover. A neighbourhood of Copenhagen is a few square kilometres
 * (the whole municipality is 88 km²); a file holding a region or a country would make the
 * heatmaps' grid (every H3 cell of the outlines, at the finest resolution offered, 10: about
 * 0.015 km² a cell) too big to build on a phone, or freeze the import itself. So each outline may
 * cover at most 100 km², the file's outlines together 300 km², and they may touch at most 25,000
 * cells at resolution 10 (scattered islands touch more cells than their area says). Each part
 * of an outline (a polygon) costs H3 a fill of its own, here and in the heatmaps' grid, so the
 * file may hold at most 2,000 parts: the municipality's neighbourhoods have a few each.
 */
export const MAX_PARTS = 2_000;
export const MAX_OUTLINE_KM2 = 100;
export const MAX_FILE_KM2 = 300;
export const MAX_GRID_CELLS = 25_000;
/** The finest grid the heatmaps offer (geo/cell-schema.ts). */
const FINEST = 10;

export type BoundaryLimitProblem =
	| { kind: 'too-many-parts'; parts: number }
	| { kind: 'outline-too-large'; label: string; km2: number }
	| { kind: 'outlines-too-large'; km2: number }
	| { kind: 'too-many-cells'; cells: number };

/** Geodesic area in km² (turf's spherical formula over the rings, holes subtracted). */
export function areaKm2(g: AreaGeometry): number {
	return turfArea({ type: 'Feature', properties: {}, geometry: g }) / 1e6;
}

/** The H3 cells at the finest resolution that the outlines overlap, counting up to `cap + 1`. */
export function gridCells(geometries: readonly AreaGeometry[], cap = MAX_GRID_CELLS): number {
	const cells = new Set<string>();
	for (const g of geometries)
		for (const rings of polygonsOf(g)) {
			for (const cell of polygonToCellsExperimental(
				rings,
				FINEST,
				POLYGON_TO_CELLS_FLAGS.containmentOverlapping,
				true
			))
				cells.add(cell);
			if (cells.size > cap) return cells.size;
		}
	return cells.size;
}

/**
 * The first limit a file's outlines break, or null. Parts are counted and areas measured first:
 * they cost a pass over the coordinates, while cells are counted only for outlines already known
 * to be few and small.
 */
export function checkLimits(
	outlines: readonly { label: string; geometry: AreaGeometry }[]
): BoundaryLimitProblem | null {
	const parts = outlines.reduce((n, o) => n + polygonsOf(o.geometry).length, 0);
	if (parts > MAX_PARTS) return { kind: 'too-many-parts', parts };
	let total = 0;
	for (const o of outlines) {
		const km2 = areaKm2(o.geometry);
		if (km2 > MAX_OUTLINE_KM2) return { kind: 'outline-too-large', label: o.label, km2 };
		total += km2;
	}
	if (total > MAX_FILE_KM2) return { kind: 'outlines-too-large', km2: total };
	const cells = gridCells(outlines.map((o) => o.geometry));
	return cells > MAX_GRID_CELLS ? { kind: 'too-many-cells', cells } : null;
}
