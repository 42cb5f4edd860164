import type { NeighbourhoodKey } from '../neighbourhoods/keys';
import { countBand } from './bands';
import { classesOf } from './classes';
import { releasedCounts } from './release-counts';
import {
	anchorsOf,
	changeShowable,
	consistentStatements,
	sameBand,
	weightChange,
	type Rules
} from './release-consistency';
import type {
	Band,
	EvidenceEntry,
	ReleaseComparison,
	ReleaseParameters,
	ReleaseStatement
} from './release-schema';
import { holdBackSubtractable } from './release-subtraction';
import type { HeatmapEvidence, HeatmapMap } from './schema';

/*
 * Releases: every aggregate map that leaves the device, checked against every earlier release of
 * the workspace (and of the team's packages) before it goes. The method, in docs/heatmaps.md
 * ("Releases"):
 *
 * 1. Only classes with fixed, round bounds leave (classes.ts); counts about people go in bands.
 * 2. Across data changes (and across metrics of one unit, and options that change what a cell
 *    holds): a figure moves only when at least k participants moved it (release-consistency.ts).
 * 3. Across grids: no coarse cell and its finer children may together show that a hidden part
 *    holds anyone (release-subtraction.ts, secondary suppression).
 * 4. Everything is deterministic: no noise to average, the same data give the same release.
 */

/**
 * Whether a coarse cell's value is the sum of its children's. Person-days and people are not: one
 * person in two children is one person in the parent.
 */
const ADDITIVE: Record<ReleaseParameters['unit'], boolean> = {
	minutes: true,
	notes: true,
	'person-days': false,
	participants: false
};

export interface EarlierRelease extends ReleaseStatement {
	id: string;
	releasedAt: number;
	title: string;
}

export class NotReleasable extends Error {
	override readonly name = 'NotReleasable';
}

/** The parts of the options a release records (the aggregate view's). */
export function releaseParameters(map: HeatmapMap): ReleaseParameters {
	const p = map.report.parameters;
	if (p.view.kind !== 'aggregate')
		throw new NotReleasable('one participant’s map is not for publication');
	const { view: _view, ...rest } = p;
	return rest;
}

/** Two releases were made under the same rules (their counts compare like with like). */
function sameRules(a: ReleaseParameters, b: ReleaseParameters): boolean {
	const { cellEdgeMetres: _a, ...x } = a;
	const { cellEdgeMetres: _b, ...y } = b;
	return JSON.stringify(x) === JSON.stringify(y);
}

const byTime = (a: EarlierRelease, b: EarlierRelease) =>
	a.releasedAt - b.releasedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Checks one computed map against the earlier releases and gives what may be released: the cells
 * with their class bounds, the evidence they rest on, the counts in bands, and how it compares
 * with the latest release of the same map. Pure: the same map and releases give the same result.
 */
export function checkRelease(
	map: HeatmapMap,
	evidence: HeatmapEvidence,
	earlier: readonly EarlierRelease[]
): ReleaseStatement {
	const parameters = releaseParameters(map);
	const { unit, resolution: res } = parameters;
	const area = map.area;
	const inArea = (a: NeighbourhoodKey) => area === 'all' || a === area;
	const current = new Map(
		evidence.cells.filter((c) => inArea(c.area)).map((c) => [c.cell, c] as const)
	);
	const classes = classesOf(parameters.classBreaks);
	const natural = new Map<string, Band>(
		map.cells.map((c) => {
			const k = classes[c.class - 1]!;
			return [c.cell, { from: k.from, to: k.to }];
		})
	);
	const institution = evidence.institutionCells.filter((c) => inArea(c.area)).map((c) => c.cell);
	const ofUnit = earlier.filter((e) => e.parameters.unit === unit).sort(byTime);
	const sameGrid = ofUnit.filter((e) => e.parameters.resolution === res);
	const rules: Rules = parameters;

	const statements = consistentStatements(
		current,
		natural,
		anchorsOf(sameGrid, current, inArea),
		new Set(institution),
		rules
	);
	const subtraction = holdBackSubtractable(statements, res, ofUnit, ADDITIVE[unit]);

	const cells = [...statements]
		.filter(([, s]) => s.band !== null)
		.map(([cell, s]) => ({ cell, from: s.band!.from, to: s.band!.to }))
		.sort((a, b) => (a.cell < b.cell ? -1 : 1));
	const backing: EvidenceEntry[] = [...statements]
		.filter(([, s]) => s.band !== null || s.weights.length > 0)
		.map(([cell, s]) => ({ cell, area: s.area, weights: s.weights }))
		.sort((a, b) => (a.cell < b.cell ? -1 : 1));
	const totals = evidence.totals[area];
	let counts = releasedCounts({
		report: map.report,
		statements,
		current,
		subtraction,
		institutionCells: institution.length,
		personDays: evidence.personDays[area]
	});

	const previous = sameGrid.filter((e) => e.area === area).at(-1) ?? null;
	const change = previous ? weightChange(previous.evidence.totals, totals) : null;
	const rulesAlike = previous !== null && sameRules(previous.parameters, parameters);
	// The report as a whole moves only as its cells do: by k participants or more.
	if (previous && rulesAlike && change && !changeShowable(change, rules))
		counts = {
			...previous.counts,
			cellsShown: counts.cellsShown,
			institutionCells: counts.institutionCells
		};
	const comparison: ReleaseComparison = {
		checkedAgainst: earlier.length,
		previous: previous
			? { id: previous.id, releasedAt: previous.releasedAt, title: previous.title }
			: null,
		sameData: previous?.fingerprint === evidence.fingerprint,
		sameRules: rulesAlike,
		participantsChanged:
			!change || change.people === 0
				? 'none'
				: change.people < parameters.k
					? 'fewer-than-k'
					: 'k-or-more',
		cellsMoved: countBand(previous ? moved(previous, cells) : 0),
		cellsKeptShown: countBand([...statements.values()].filter((s) => s.kept && s.band).length)
	};
	return {
		area,
		parameters,
		fingerprint: evidence.fingerprint,
		cells,
		institutionCells: institution.sort(),
		evidence: { cells: backing, totals },
		counts,
		comparison
	};
}

/** Cells whose statement differs between an earlier release and the new cells. */
function moved(previous: EarlierRelease, cells: ReleaseStatement['cells']): number {
	const before = new Map(previous.cells.map((c) => [c.cell, c]));
	const after = new Map(cells.map((c) => [c.cell, c]));
	let n = 0;
	for (const cell of new Set([...before.keys(), ...after.keys()]))
		if (!sameBand(before.get(cell) ?? null, after.get(cell) ?? null)) n++;
	return n;
}
