import {
	cellToBoundary,
	cellToLatLng,
	latLngToCell,
	polygonToCellsExperimental,
	POLYGON_TO_CELLS_FLAGS
} from 'h3-js';
import { cellEdgeMetres, type CellResolution } from '../geo/cells';
import { polygonsOf, type AreaGeometry } from '../neighbourhoods/geometry';
import { NEIGHBOURHOOD_KEYS, type NeighbourhoodKey } from '../neighbourhoods/keys';
import { neighbourhoodAt } from '../neighbourhoods/locate';
import { MAX_CANDIDATES, rasterise } from './grid-raster';
import { localProjection, type LocalProjection } from './projection';

/*
 * h3-js `latLngToCell` costs about 4 µs a call here: 4 s for a million fixes. Instead the study
 * area is cut into square bins a thirty-second of a cell edge wide. Each H3 cell's hexagon is
 * rasterised into the bins once; a bin wholly inside one hexagon maps straight to it, and only a
 * fix in a bin that straddles an edge is tested against the two or three candidate hexagons
 * (six multiply-adds per edge). Fixes within a few millimetres of an edge, where H3's geodesic
 * edge and our straight one may differ, fall back to `latLngToCell`, so the answer is H3's own.
 */

/** Bins per cell edge, as fine as the study area allows within MAX_BINS (16 MB of Int32). */
const BIN_DIVISOR = 32;
const MAX_BINS = 4_000_000;
const EARTH_RADIUS = 6_371_007;

/**
 * The study area's cells and bins. Elsewhere a cell is its index in `cells`, and -1 means outside
 * all three neighbourhoods. Local metres (x east, y north) are measured from `proj`'s origin.
 */
export interface CellGrid {
	resolution: CellResolution;
	proj: LocalProjection;
	/** Candidate cells (overlapping a neighbourhood outline), sorted by id. */
	cells: string[];
	index: Map<string, number>;
	/** Neighbourhood of each cell, as an index into NEIGHBOURHOOD_KEYS. */
	area: Uint8Array;
	/** Hexagon vertices in local metres: cell c owns vertStart[c] … vertStart[c + 1] - 1. */
	vertStart: Int32Array;
	vx: Float64Array;
	vy: Float64Array;
	/** Inward edge half-planes (unit normal, offset): d = nx·x + ny·y + c ≥ 0 inside. */
	nx: Float64Array;
	ny: Float64Array;
	nc: Float64Array;
	/** How far H3's geodesic edge may stray from the straight one, plus rounding. */
	margin: number;
	/** Bin side in metres: the bin of (x, y) is row floor(y / binSize), column floor(x / binSize). */
	binSize: number;
	width: number;
	height: number;
	/**
	 * v > 0: the bin lies in cell v - 1; 0: in none; v < 0: mixed, candidate slot -v - 1. Zero
	 * means none so that a fresh (zeroed) array needs no fill.
	 */
	binCell: Int32Array;
	/** Candidate cells of mixed bins, MAX_CANDIDATES per slot, and how many each slot has. */
	candidates: Int32Array;
	candidateCount: Uint8Array;
}

export function buildCellGrid(
	outlines: Record<NeighbourhoodKey, AreaGeometry>,
	resolution: CellResolution
): CellGrid {
	const edge = cellEdgeMetres(resolution);
	// A neighbourhood's map is every cell that overlaps its outline, not only those whose centre
	// lies inside: a small neighbourhood (Sundholmsvejs kvarteret is 0.65 km², six resolution-9
	// cells) would otherwise lose its whole rim. A cell overlapping two outlines goes to the one
	// holding its centre, else to the first in NEIGHBOURHOOD_KEYS.
	const areaOf = new Map<string, number>();
	const overlapping = NEIGHBOURHOOD_KEYS.map((key) => overlappingCells(outlines[key], resolution));
	for (const cells of overlapping)
		for (const cell of cells) {
			if (areaOf.has(cell)) continue;
			const [lat, lon] = cellToLatLng(cell);
			const at = neighbourhoodAt(lon, lat, outlines);
			if (at !== null) areaOf.set(cell, NEIGHBOURHOOD_KEYS.indexOf(at));
		}
	overlapping.forEach((cells, k) => {
		for (const cell of cells) if (!areaOf.has(cell)) areaOf.set(cell, k);
	});
	const cells = [...areaOf.keys()].sort();
	const rings = cells.map((c) => cellToBoundary(c));
	let minLat = Infinity;
	let minLon = Infinity;
	for (const ring of rings)
		for (const [lat, lon] of ring) {
			if (lat! < minLat) minLat = lat!;
			if (lon! < minLon) minLon = lon!;
		}
	if (cells.length === 0) [minLat, minLon] = [0, 0];
	const proj = localProjection(minLat, minLon);
	const g = hexagons(cells, rings, proj);
	const binSize = Math.max(edge / BIN_DIVISOR, Math.sqrt((g.maxX * g.maxY) / MAX_BINS));
	const width = Math.max(1, Math.ceil(g.maxX / binSize) + 1);
	const height = Math.max(1, Math.ceil(g.maxY / binSize) + 1);
	const lat0 = (minLat * Math.PI) / 180;
	const grid: CellGrid = {
		resolution,
		proj,
		cells,
		index: new Map(cells.map((c, i) => [c, i])),
		area: Uint8Array.from(cells, (c) => areaOf.get(c)!),
		...g,
		margin: (4 * edge * edge * Math.abs(Math.tan(lat0))) / (8 * EARTH_RADIUS) + 0.001,
		binSize,
		width,
		height,
		binCell: new Int32Array(width * height),
		candidates: new Int32Array(0),
		candidateCount: new Uint8Array(0)
	};
	rasterise(grid);
	return grid;
}

/** The cells whose hexagon overlaps the area (H3's own test, on every polygon of it). */
function overlappingCells(g: AreaGeometry, resolution: CellResolution): Set<string> {
	const out = new Set<string>();
	for (const rings of polygonsOf(g))
		for (const cell of polygonToCellsExperimental(
			rings,
			resolution,
			POLYGON_TO_CELLS_FLAGS.containmentOverlapping,
			true
		))
			out.add(cell);
	return out;
}

function hexagons(cells: string[], rings: number[][][], proj: LocalProjection) {
	const total = rings.reduce((n, r) => n + r.length, 0);
	const vertStart = new Int32Array(cells.length + 1);
	const vx = new Float64Array(total);
	const vy = new Float64Array(total);
	const nx = new Float64Array(total);
	const ny = new Float64Array(total);
	const nc = new Float64Array(total);
	let maxX = 0;
	let maxY = 0;
	let o = 0;
	rings.forEach((ring, c) => {
		vertStart[c] = o;
		const m = ring.length;
		let area2 = 0;
		for (let i = 0; i < m; i++) {
			vx[o + i] = (ring[i]![1]! - proj.lon0) * proj.mx;
			vy[o + i] = (ring[i]![0]! - proj.lat0) * proj.my;
			maxX = Math.max(maxX, vx[o + i]!);
			maxY = Math.max(maxY, vy[o + i]!);
		}
		for (let i = 0; i < m; i++) {
			const j = (i + 1) % m;
			area2 += vx[o + i]! * vy[o + j]! - vx[o + j]! * vy[o + i]!;
		}
		const sign = area2 >= 0 ? 1 : -1; // interior on the left of each edge when counter-clockwise
		for (let i = 0; i < m; i++) {
			const j = (i + 1) % m;
			const dx = vx[o + j]! - vx[o + i]!;
			const dy = vy[o + j]! - vy[o + i]!;
			const len = Math.hypot(dx, dy) || 1;
			nx[o + i] = (-dy / len) * sign;
			ny[o + i] = (dx / len) * sign;
			nc[o + i] = -(nx[o + i]! * vx[o + i]! + ny[o + i]! * vy[o + i]!);
		}
		o += m;
	});
	vertStart[cells.length] = o;
	return { vertStart, vx, vy, nx, ny, nc, maxX, maxY };
}

/** The cell of a fix in a mixed bin: the candidate hexagon holding it, else H3's own answer. */
export function resolveMixed(
	g: CellGrid,
	v: number,
	x: number,
	y: number,
	lat: number,
	lon: number
): number {
	const slot = -v - 1;
	const n = g.candidateCount[slot]!;
	let unsure = n > MAX_CANDIDATES;
	for (let k = 0; k < n && k < MAX_CANDIDATES; k++) {
		const c = g.candidates[slot * MAX_CANDIDATES + k]!;
		let near = false;
		let out = false;
		for (let e = g.vertStart[c]!; e < g.vertStart[c + 1]!; e++) {
			const d = g.nx[e]! * x + g.ny[e]! * y + g.nc[e]!;
			if (d < -g.margin) {
				out = true;
				break;
			}
			if (d < g.margin) near = true;
		}
		if (out) continue;
		if (!near) return c;
		unsure = true;
	}
	return unsure ? h3Fallback(g, lat, lon) : -1;
}

function h3Fallback(g: CellGrid, lat: number, lon: number): number {
	return g.index.get(latLngToCell(lat, lon, g.resolution)) ?? -1;
}

/** The cell index of one position (for stops and notes; the fix loop inlines this). */
export function cellAt(g: CellGrid, lat: number, lon: number): number {
	const x = (lon - g.proj.lon0) * g.proj.mx;
	const y = (lat - g.proj.lat0) * g.proj.my;
	const j = Math.floor(x / g.binSize);
	const r = Math.floor(y / g.binSize);
	if (!(j >= 0 && j < g.width && r >= 0 && r < g.height)) return -1;
	const v = g.binCell[r * g.width + j]!;
	if (v >= 0) return v - 1;
	return resolveMixed(g, v, x, y, lat, lon);
}
