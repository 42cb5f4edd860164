import { cellToParent } from 'h3-js';
import type { Band, ReleaseStatement } from './release-schema';
import type { Statement } from './release-consistency';

/*
 * Across grids: a coarse cell minus its finer children that were shown is what its hidden
 * children hold (issue 13's attack: 960 − 640 = 320, the hidden home). With classes instead of
 * minutes, what anyone holding both releases can derive is an interval:
 *
 *   hidden > from(parent) − Σ to(shown children)                                  (L)
 *   and, when the data changed in between, the change > Σ from(children) − to(parent)   (H)
 *
 * (upper bounds are exclusive). A release is only let out when L < 0 and H < 0 for every pair of
 * coarse cell and children it takes part in, against every earlier release of the same unit at
 * any other resolution: the released figures are then consistent with the hidden part (or the
 * change) being nobody at all, so they cannot show that anyone is there, let alone how much.
 * Where a pair fails, the new release holds back its own new figures in it (secondary
 * suppression): the coarse cell, or its children. Of a figure an earlier release already gave,
 * holding it back would hide nothing.
 *
 * Person-days do not add up: one person on one day in two children is one person-day of the
 * parent but two of the children, so with the same data the children may exceed their parent and
 * H says nothing; for them only L is checked (it holds, as a parent never exceeds its children).
 *
 * Children are H3's (cellToParent), which is the subtraction an attacker does: a child's hexagon
 * only roughly nests in its parent's, so the check is about the released figures, not the data.
 * Where a cell was released more than once, the tightest bounds of its releases are used.
 */

type Versions = Map<string, Band[]>;

const upper = (b: Band) => b.to ?? Infinity;

/**
 * Whether a parent's bands and its shown children's bands prove L (or, for a unit that adds up
 * over cells, H) above zero.
 */
export function subtractable(
	parent: readonly Band[],
	children: readonly (readonly Band[])[],
	additive = true
): boolean {
	if (children.length === 0 || parent.length === 0) return false;
	const from = Math.max(...parent.map((b) => b.from));
	const to = Math.min(...parent.map(upper));
	let sumTo = 0;
	let sumFrom = 0;
	for (const versions of children) {
		sumTo += Math.min(...versions.map(upper));
		sumFrom += Math.max(...versions.map((b) => b.from));
	}
	return from - sumTo >= 0 || (additive && sumFrom - to >= 0);
}

function versionsByResolution(
	earlier: readonly Pick<ReleaseStatement, 'parameters' | 'cells'>[]
): Map<number, Versions> {
	const out = new Map<number, Versions>();
	for (const e of earlier) {
		const res = e.parameters.resolution;
		const byCell = out.get(res) ?? new Map<string, Band[]>();
		out.set(res, byCell);
		for (const c of e.cells) {
			const list = byCell.get(c.cell) ?? [];
			list.push({ from: c.from, to: c.to });
			byCell.set(c.cell, list);
		}
	}
	return out;
}

/**
 * Holds back (sets to "not shown") the new release's own figures that could be combined with an
 * earlier release at another resolution; returns the cells held back. `statements` are the new
 * release's (resolution `res`); `earlier` are the releases of the same unit, any resolution.
 */
export function holdBackSubtractable(
	statements: Map<string, Statement>,
	res: number,
	earlier: readonly Pick<ReleaseStatement, 'parameters' | 'cells'>[],
	additive = true
): Set<string> {
	const held = new Set<string>();
	const versions = versionsByResolution(earlier);
	const bandsAt = (cell: string): Band[] => {
		const list = [...(versions.get(res)?.get(cell) ?? [])];
		const s = statements.get(cell);
		if (s?.band) list.push(s.band);
		return list;
	};
	const holdBack = (cell: string) => {
		statements.get(cell)!.band = null;
		held.add(cell);
	};
	const resolutions = [...versions.keys()].filter((r) => r !== res);
	// The new release as the coarse side: each of its own cells against finer children shown before.
	for (const r of resolutions.filter((r) => r > res)) {
		const children = new Map<string, Band[][]>();
		for (const [cell, bands] of versions.get(r)!) {
			const parent = cellToParent(cell, res);
			const s = statements.get(parent);
			if (!s?.band || !s.own) continue;
			children.set(parent, [...(children.get(parent) ?? []), bands]);
		}
		for (const [parent, kids] of children)
			if (subtractable(bandsAt(parent), kids, additive)) holdBack(parent);
	}
	// The new release as the fine side: its cells, with the same grid's earlier ones, under each
	// coarser cell shown before. Holding back all its own children there removes what it adds.
	for (const r of resolutions.filter((r) => r < res)) {
		const coarse = versions.get(r)!;
		const under = new Map<string, Set<string>>();
		const fine = new Set([...(versions.get(res)?.keys() ?? []), ...statements.keys()]);
		for (const cell of fine) {
			const parent = cellToParent(cell, r);
			if (!coarse.has(parent)) continue;
			under.set(parent, (under.get(parent) ?? new Set()).add(cell));
		}
		for (const [parent, cells] of under) {
			const own = [...cells].filter((c) => statements.get(c)?.band && statements.get(c)!.own);
			if (own.length === 0) continue;
			const kids = [...cells].map(bandsAt).filter((b) => b.length > 0);
			if (subtractable(coarse.get(parent)!, kids, additive)) own.forEach(holdBack);
		}
	}
	return held;
}
