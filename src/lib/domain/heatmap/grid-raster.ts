import type { CellGrid } from './grid';

/*
 * Rasterising the hexagons into the bins of a CellGrid, once per grid. Each hexagon is a set of
 * inward half-planes (nx·x + ny·y + c ≥ 0), which makes "the bins of this row inside the hexagon
 * shrunk by the margin" a pair of divisions per edge.
 */

/** Candidate hexagons kept per mixed bin; a bin with more (none seen in practice) asks h3. */
export const MAX_CANDIDATES = 4;

/** The x-interval [spanLo, spanHi] of row y inside the hexagon shrunk (offset > 0) or grown. */
let spanLo = 0;
let spanHi = 0;
function span(g: CellGrid, c: number, y: number, offset: number): void {
	spanLo = -Infinity;
	spanHi = Infinity;
	for (let e = g.vertStart[c]!; e < g.vertStart[c + 1]!; e++) {
		const a = g.nx[e]!;
		const rest = offset - g.nc[e]! - g.ny[e]! * y;
		if (Math.abs(a) < 1e-12) {
			if (rest > 0) [spanLo, spanHi] = [1, 0];
		} else if (a > 0) spanLo = Math.max(spanLo, rest / a);
		else spanHi = Math.min(spanHi, rest / a);
	}
}

/** Growable candidate lists of the mixed bins, MAX_CANDIDATES slots each. */
class Candidates {
	list = new Int32Array(4096 * MAX_CANDIDATES).fill(-1);
	count = new Uint8Array(4096);
	size = 0;

	add(g: CellGrid, b: number, c: number): void {
		const v = g.binCell[b]!;
		if (v > 0) return; // wholly inside another cell already
		let slot = -v - 1;
		if (v === 0) {
			slot = this.size++;
			if (slot === this.count.length) this.#grow();
			g.binCell[b] = -slot - 1;
		}
		const n = this.count[slot]!;
		if (n < MAX_CANDIDATES) this.list[slot * MAX_CANDIDATES + n] = c;
		if (n < 255) this.count[slot] = n + 1; // beyond MAX_CANDIDATES: h3 decides
	}

	#grow(): void {
		const list = new Int32Array(this.list.length * 2).fill(-1);
		list.set(this.list);
		const count = new Uint8Array(this.count.length * 2);
		count.set(this.count);
		[this.list, this.count] = [list, count];
	}
}

/*
 * Row by row, the bins wholly inside the hexagon shrunk by the margin are the cell's own (the
 * shrunk hexagon is convex, so a bin is inside when its four corners are: the interval common to
 * the row's top and bottom edges). Bins between that and the hexagon's outer extent are mixed.
 */
export function rasterise(g: CellGrid): void {
	const s = g.binSize;
	const m = g.margin;
	const cand = new Candidates();
	for (let c = 0; c < g.cells.length; c++) {
		let yMin = Infinity;
		let yMax = -Infinity;
		for (let v = g.vertStart[c]!; v < g.vertStart[c + 1]!; v++) {
			yMin = Math.min(yMin, g.vy[v]!);
			yMax = Math.max(yMax, g.vy[v]!);
		}
		const r0 = Math.max(0, Math.floor((yMin - m) / s));
		const r1 = Math.min(g.height - 1, Math.floor((yMax + m) / s));
		for (let r = r0; r <= r1; r++) {
			const y0 = r * s;
			span(g, c, y0, m);
			const [a0, b0] = [spanLo, spanHi];
			span(g, c, y0 + s, m);
			const in0 = Math.max(0, Math.ceil(Math.max(a0, spanLo) / s));
			const in1 = Math.min(g.width - 1, Math.floor(Math.min(b0, spanHi) / s) - 1);
			outerExtent(g, c, Math.max(y0 - m, yMin), Math.min(y0 + s + m, yMax));
			const j0 = Math.max(0, Math.floor((spanLo - m) / s));
			const j1 = Math.min(g.width - 1, Math.floor((spanHi + m) / s));
			const base = r * g.width;
			if (in0 <= in1) {
				g.binCell.fill(c + 1, base + in0, base + in1 + 1);
				for (let j = j0; j < in0; j++) cand.add(g, base + j, c);
				for (let j = in1 + 1; j <= j1; j++) cand.add(g, base + j, c);
			} else for (let j = j0; j <= j1; j++) cand.add(g, base + j, c);
		}
	}
	g.candidates = cand.list.subarray(0, cand.size * MAX_CANDIDATES);
	g.candidateCount = cand.count.subarray(0, cand.size);
}

/** The x-extent [spanLo, spanHi] of the hexagon within the strip lo ≤ y ≤ hi. */
function outerExtent(g: CellGrid, c: number, lo: number, hi: number): void {
	span(g, c, lo, -1e-9);
	const [a0, b0] = [spanLo, spanHi];
	span(g, c, hi, -1e-9);
	let xl = Math.min(a0, spanLo);
	let xr = Math.max(b0, spanHi);
	for (let v = g.vertStart[c]!; v < g.vertStart[c + 1]!; v++) {
		if (g.vy[v]! >= lo && g.vy[v]! <= hi) {
			xl = Math.min(xl, g.vx[v]!);
			xr = Math.max(xr, g.vx[v]!);
		}
	}
	[spanLo, spanHi] = [xl, xr];
}
