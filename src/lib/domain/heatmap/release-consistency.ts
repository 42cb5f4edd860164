import type { NeighbourhoodKey } from '../neighbourhoods/keys';
import { dominated } from './dominance';
import type { Band, EvidenceEntry, ReleaseStatement } from './release-schema';

/*
 * Across data changes: a released figure moves only when at least k participants moved it.
 *
 * Two releases of the same cell (same unit and grid) are subtracted by anyone who holds both: the
 * difference is what changed in between — a withdrawn participant's minutes, a new follow-along.
 * So each cell of a new release is compared with the release that last spoke about it (its
 * anchor): if the weights it rests on changed for fewer than k participants (or one or two of
 * them dominate the change, as in dominance.ts), the new release repeats the anchor's statement
 * (its class, or "not shown") and carries the anchor's evidence forward, so that small changes
 * add up until k people have made one. A repeated statement says nothing the anchor did not say.
 *
 * Evidence holds weights without ids: the change is counted as the weights that no longer match
 * (a withdrawal takes one away, a new participant adds one, a changed one does both), so the
 * count is a lower bound on the people behind it — which errs towards repeating.
 */

export interface Statement {
	band: Band | null;
	/** The weights the statement rests on (the anchor's, when repeated). */
	weights: number[];
	area: NeighbourhoodKey;
	/** A band no earlier release gave this cell: new information, which may still be held back. */
	own: boolean;
	/** Repeated from the anchor although today's data would give another statement. */
	kept: boolean;
}

/** The weights that do not match between two sorted lists; `people` is a lower bound. */
export function weightChange(
	before: readonly number[],
	after: readonly number[]
): { people: number; values: number[] } {
	const gone: number[] = [];
	const came: number[] = [];
	let i = 0;
	let j = 0;
	while (i < before.length && j < after.length) {
		if (before[i] === after[j]) {
			i++;
			j++;
		} else if (before[i]! < after[j]!) gone.push(before[i++]!);
		else came.push(after[j++]!);
	}
	while (i < before.length) gone.push(before[i++]!);
	while (j < after.length) came.push(after[j++]!);
	return { people: Math.max(gone.length, came.length), values: [...gone, ...came] };
}

export interface Rules {
	k: number;
	maxShare: number;
	maxTopTwoShare: number;
}

/** Whether a change is one a release may show: k people or more, none or two dominating it. */
export function changeShowable(change: { people: number; values: number[] }, r: Rules): boolean {
	if (change.people === 0) return true;
	return change.people >= r.k && !dominated(change.values, r.maxShare, r.maxTopTwoShare);
}

export const sameBand = (a: Band | null, b: Band | null) =>
	a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);

interface Anchor {
	band: Band | null;
	weights: number[];
	area: NeighbourhoodKey;
}

/**
 * The latest statement of earlier releases (same unit and grid, oldest first) about each cell of
 * the area: a cell an earlier release covered without data there was "not shown, resting on
 * nobody", which is a statement too.
 */
export function anchorsOf(
	same: readonly Pick<ReleaseStatement, 'area' | 'cells' | 'evidence'>[],
	current: ReadonlyMap<string, EvidenceEntry>,
	inArea: (a: NeighbourhoodKey) => boolean
): Map<string, Anchor> {
	const anchors = new Map<string, Anchor>();
	for (const e of same) {
		const shown = new Map(e.cells.map((c) => [c.cell, { from: c.from, to: c.to }]));
		const backing = new Map(e.evidence.cells.map((c) => [c.cell, c]));
		const covers = (a: NeighbourhoodKey) => inArea(a) && (e.area === 'all' || e.area === a);
		const seen = new Set([...backing.keys(), ...current.keys()]);
		for (const cell of seen) {
			const area = backing.get(cell)?.area ?? current.get(cell)!.area;
			if (!covers(area)) continue;
			anchors.set(cell, {
				band: shown.get(cell) ?? null,
				weights: backing.get(cell)?.weights ?? [],
				area
			});
		}
	}
	return anchors;
}

/** Each cell's statement in the new release, before the check across grids. */
export function consistentStatements(
	current: ReadonlyMap<string, EvidenceEntry>,
	natural: ReadonlyMap<string, Band>,
	anchors: ReadonlyMap<string, Anchor>,
	institution: ReadonlySet<string>,
	rules: Rules
): Map<string, Statement> {
	const out = new Map<string, Statement>();
	for (const cell of new Set([...current.keys(), ...anchors.keys()])) {
		// Institutions depend on the glossary, not on anyone's data: left out whatever was before.
		if (institution.has(cell)) continue;
		const now = current.get(cell);
		const nat = natural.get(cell) ?? null;
		const a = anchors.get(cell);
		const weights = now?.weights ?? [];
		if (!a) {
			out.set(cell, { band: nat, weights, area: now!.area, own: nat !== null, kept: false });
			continue;
		}
		if (changeShowable(weightChange(a.weights, weights), rules))
			out.set(cell, { band: nat, weights, area: a.area, own: !sameBand(nat, a.band), kept: false });
		else
			out.set(cell, {
				band: a.band,
				weights: a.weights,
				area: a.area,
				own: false,
				kept: !sameBand(nat, a.band)
			});
	}
	return out;
}
