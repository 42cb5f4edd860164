import type { HeatClass, HeatmapParameters } from './schema';

/*
 * The classes a map's values are shown and published in: fixed for the project, per unit, with
 * round bounds that no cell defines. Quantile classes (the earlier scheme) took their bounds from
 * the map's own cells, so the legend gave those cells away to the minute and no two maps could
 * be compared; fixed bounds mean the same colour is the same amount on every map of the study.
 * Each bound is at least twice the one below, so a class says little about any one person in it,
 * and subtracting classes of different maps leaves an interval wider than a class
 * (docs/heatmaps.md, "Releases").
 */
export const CLASS_BREAKS: Record<HeatmapParameters['unit'], readonly number[]> = {
	// an hour, two, five, ten, twenty and fifty hours
	minutes: [60, 120, 300, 600, 1200, 3000],
	notes: [5, 10, 20, 50, 100],
	'person-days': [10, 20, 50, 100, 200],
	// distinct people who named (or were seen in) a cell: every shown cell has at least k = 5
	participants: [10, 20, 50, 100]
};

/** The classes of a set of bounds: [0, b1), [b1, b2), …, [bn, ∞). */
export function classesOf(breaks: readonly number[]): HeatClass[] {
	const bounds = [0, ...breaks];
	return bounds.map((from, i) => ({ class: i + 1, from, to: bounds[i + 1] ?? null }));
}

/** The class (1 …) a value falls in. */
export function classOf(value: number, breaks: readonly number[]): number {
	let k = 1;
	while (k <= breaks.length && value >= breaks[k - 1]!) k++;
	return k;
}

/** The class of a released interval ({from, to}), or null if its bounds are not among these. */
export function classOfBand(
	band: { from: number; to: number | null },
	breaks: readonly number[]
): number | null {
	const found = classesOf(breaks).find((c) => c.from === band.from && c.to === band.to);
	return found?.class ?? null;
}
