import { polygonsOf } from '../neighbourhoods/geometry';
import type { CellGrid } from './grid';
import type { LocalProjection } from './projection';
import type { Institution } from './schema';

/*
 * Institutions are left out twice over (docs/product.md, after Hassan et al. 2018 and Mink et al. 2022,
 * who undid privacy zones from a few tracks within 50 m): every cell that touches the buffer goes
 * whole, and the route around a visit is cut in time. Geometry is planar in local metres.
 */

export const BIN_OUT = 0;
export const BIN_IN = 1;
export const BIN_PARTIAL = 2;

interface Core {
	/** Circle centre and radius, or area rings (x, y interleaved) grouped per polygon. */
	cx: number;
	cy: number;
	r: number;
	polygons: Float64Array[][] | null;
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

export interface InstitutionIndex {
	buffer: number;
	cores: Core[];
	/** Per grid bin: out of every buffer, inside one, or partly (then each fix is tested). */
	bins: Uint8Array;
	/** Per grid cell: 1 when the cell touches a buffer and is removed whole. */
	cellRemoved: Uint8Array;
}

export function indexInstitutions(
	list: readonly Institution[],
	grid: CellGrid,
	bufferMetres: number
): InstitutionIndex {
	const cores = list.map((i) => prepare(i, grid.proj));
	const bins = new Uint8Array(grid.width * grid.height);
	for (const core of cores) classifyBins(core, grid, bufferMetres, bins);
	const cellRemoved = new Uint8Array(grid.cells.length);
	// A cell grazing the buffer by less than the projection's error still counts as touching.
	const reach = bufferMetres + 0.5;
	for (let c = 0; c < grid.cells.length; c++)
		for (const core of cores)
			if (hexDistance(core, grid, c) <= reach) {
				cellRemoved[c] = 1;
				break;
			}
	return { buffer: bufferMetres, cores, bins, cellRemoved };
}

function prepare(i: Institution, p: LocalProjection): Core {
	if (i.shape === 'circle') {
		const cx = (i.lon - p.lon0) * p.mx;
		const cy = (i.lat - p.lat0) * p.my;
		const r = i.radiusMetres;
		return { cx, cy, r, polygons: null, minX: cx - r, minY: cy - r, maxX: cx + r, maxY: cy + r };
	}
	const core: Core = { cx: 0, cy: 0, r: 0, polygons: [], minX: 0, minY: 0, maxX: 0, maxY: 0 };
	[core.minX, core.minY, core.maxX, core.maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const poly of polygonsOf(i.geometry)) {
		core.polygons!.push(
			poly.map((ring) => {
				const xy = new Float64Array(ring.length * 2);
				ring.forEach(([lon, lat], k) => {
					const x = (lon! - p.lon0) * p.mx;
					const y = (lat! - p.lat0) * p.my;
					[xy[2 * k], xy[2 * k + 1]] = [x, y];
					[core.minX, core.maxX] = [Math.min(core.minX, x), Math.max(core.maxX, x)];
					[core.minY, core.maxY] = [Math.min(core.minY, y), Math.max(core.maxY, y)];
				});
				return xy;
			})
		);
	}
	return core;
}

/** Distance in metres from a point to the institution itself (0 inside it). */
export function coreDistance(core: Core, x: number, y: number): number {
	if (core.polygons === null) return Math.max(0, Math.hypot(x - core.cx, y - core.cy) - core.r);
	let best = Infinity;
	for (const rings of core.polygons) {
		let inside = false;
		for (const ring of rings) {
			const n = ring.length / 2;
			for (let a = 0, b = n - 1; a < n; b = a++) {
				const [ax, ay, bx, by] = [ring[2 * a]!, ring[2 * a + 1]!, ring[2 * b]!, ring[2 * b + 1]!];
				if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
				best = Math.min(best, pointSegment(x, y, ax, ay, bx, by));
			}
		}
		if (inside) return 0;
	}
	return best;
}

/** Whether a point (local metres) lies within the buffer of any institution. */
export function insideBuffer(ix: InstitutionIndex, x: number, y: number): boolean {
	const b = ix.buffer;
	for (const core of ix.cores) {
		if (x < core.minX - b || x > core.maxX + b || y < core.minY - b || y > core.maxY + b) continue;
		if (coreDistance(core, x, y) <= b) return true;
	}
	return false;
}

/*
 * Distance to a set is 1-Lipschitz, so a block of bins whose centre is nearer than
 * buffer − half-diagonal lies wholly inside, one further than buffer + half-diagonal wholly
 * outside; only blocks on the buffer's rim are split, down to single bins.
 */
function classifyBins(core: Core, g: CellGrid, buffer: number, bins: Uint8Array): void {
	const s = g.binSize;
	const j0 = Math.max(0, Math.floor((core.minX - buffer) / s));
	const j1 = Math.min(g.width - 1, Math.floor((core.maxX + buffer) / s));
	const r0 = Math.max(0, Math.floor((core.minY - buffer) / s));
	const r1 = Math.min(g.height - 1, Math.floor((core.maxY + buffer) / s));
	if (j0 > j1 || r0 > r1) return;
	const visit = (ja: number, jb: number, ra: number, rb: number): void => {
		const cx = ((ja + jb + 1) / 2) * s;
		const cy = ((ra + rb + 1) / 2) * s;
		const half = (Math.hypot(jb - ja + 1, rb - ra + 1) * s) / 2;
		const d = coreDistance(core, cx, cy);
		if (d > buffer + half) return;
		if (d <= buffer - half) {
			for (let r = ra; r <= rb; r++) bins.fill(BIN_IN, r * g.width + ja, r * g.width + jb + 1);
			return;
		}
		if (ja === jb && ra === rb) {
			const b = ra * g.width + ja;
			if (bins[b] === BIN_OUT) bins[b] = BIN_PARTIAL;
			return;
		}
		const jm = (ja + jb) >> 1;
		const rm = (ra + rb) >> 1;
		visit(ja, jm, ra, rm);
		if (jm < jb) visit(jm + 1, jb, ra, rm);
		if (rm < rb) visit(ja, jm, rm + 1, rb);
		if (jm < jb && rm < rb) visit(jm + 1, jb, rm + 1, rb);
	};
	visit(j0, j1, r0, r1);
}

function pointSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
	const dx = bx - ax;
	const dy = by - ay;
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
	return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function segmentsCross(a: number[], b: number[]): boolean {
	const o = (p: number, q: number, r: number) =>
		Math.sign((a[q]! - a[p]!) * (b[r]! - b[p]!) - (b[q]! - b[p]!) * (a[r]! - a[p]!));
	// points as (a[i], b[i]): 0,1 the first segment, 2,3 the second
	return o(0, 1, 2) !== o(0, 1, 3) && o(2, 3, 0) !== o(2, 3, 1);
}

/** Distance in metres between a grid cell's hexagon and an institution (0 when they overlap). */
function hexDistance(core: Core, g: CellGrid, c: number): number {
	const v0 = g.vertStart[c]!;
	const v1 = g.vertStart[c + 1]!;
	const insideHex = (x: number, y: number) => {
		for (let e = v0; e < v1; e++) if (g.nx[e]! * x + g.ny[e]! * y + g.nc[e]! < 0) return false;
		return true;
	};
	if (core.polygons === null) {
		if (insideHex(core.cx, core.cy)) return 0;
		let d = Infinity;
		for (let e = v0; e < v1; e++) {
			const f = e + 1 < v1 ? e + 1 : v0;
			d = Math.min(d, pointSegment(core.cx, core.cy, g.vx[e]!, g.vy[e]!, g.vx[f]!, g.vy[f]!));
		}
		return Math.max(0, d - core.r);
	}
	let d = Infinity;
	for (let e = v0; e < v1; e++) d = Math.min(d, coreDistance(core, g.vx[e]!, g.vy[e]!));
	if (d === 0) return 0;
	for (const rings of core.polygons)
		for (const ring of rings) {
			const n = ring.length / 2;
			for (let a = 0; a < n; a++) {
				const [ax, ay] = [ring[2 * a]!, ring[2 * a + 1]!];
				if (insideHex(ax, ay)) return 0;
				const b = (a + 1) % n;
				const [bx, by] = [ring[2 * b]!, ring[2 * b + 1]!];
				for (let e = v0; e < v1; e++) {
					const f = e + 1 < v1 ? e + 1 : v0;
					const [ex, ey, fx, fy] = [g.vx[e]!, g.vy[e]!, g.vx[f]!, g.vy[f]!];
					if (segmentsCross([ax, bx, ex, fx], [ay, by, ey, fy])) return 0;
					d = Math.min(d, pointSegment(ax, ay, ex, ey, fx, fy));
				}
			}
		}
	return d;
}
