import type { Contributions } from './contributions';

/**
 * Per cell: its distinct participants (each with their weight in the cell) and its distinct days,
 * as compressed rows: cell c owns partList[partStart[c] … partStart[c + 1] - 1].
 */
export interface CellStats {
	partStart: Int32Array;
	partList: Int32Array;
	partWeight: Float64Array;
	dayStart: Int32Array;
	dayList: Int32Array;
	/** The cell's weight in the metric's unit (before any clipping or noise). */
	weight: Float64Array;
}

/**
 * How rows add up to a participant's weight in a cell: summed (minutes, notes), one per day
 * (person-days), or the largest row, at most 1 (places named: a person counts once, and a place
 * named coarser than the map counts as the share of it that the cell is).
 */
export type WeightMode = 'sum' | 'person-days' | 'distinct';

/**
 * Groups the contribution rows by cell (a counting sort) and counts distinct participants and days
 * with stamp arrays.
 */
export function cellStats(
	contrib: Contributions,
	participantCount: number,
	dayCount: number,
	mode: WeightMode
): CellStats {
	const cells = contrib.cellCount;
	const rows = contrib.length;
	const start = new Int32Array(cells + 1);
	for (let r = 0; r < rows; r++) start[contrib.cell[r]! + 1]!++;
	for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
	const fill = start.slice(0, cells);
	const order = new Int32Array(rows);
	for (let r = 0; r < rows; r++) order[fill[contrib.cell[r]!]!++] = r;

	const stampP = new Int32Array(participantCount);
	const slotP = new Int32Array(participantCount);
	const stampD = new Int32Array(dayCount);
	const partStart = new Int32Array(cells + 1);
	const dayStart = new Int32Array(cells + 1);
	const partList: number[] = [];
	const partWeight: number[] = [];
	const dayList: number[] = [];
	const weight = new Float64Array(cells);
	const seen = new Set<number>();
	for (let c = 0; c < cells; c++) {
		partStart[c] = partList.length;
		dayStart[c] = dayList.length;
		seen.clear();
		for (let i = start[c]!; i < start[c + 1]!; i++) {
			const r = order[i]!;
			const p = contrib.participant[r]!;
			const d = contrib.day[r]!;
			if (stampP[p] !== c + 1) {
				stampP[p] = c + 1;
				slotP[p] = partWeight.length;
				partList.push(p);
				partWeight.push(0);
			}
			if (stampD[d] !== c + 1) {
				stampD[d] = c + 1;
				dayList.push(d);
			}
			let w = contrib.weight[r]!;
			if (mode === 'person-days') {
				const key = p * dayCount + d;
				w = seen.has(key) ? 0 : 1;
				seen.add(key);
			} else if (mode === 'distinct') w = Math.max(0, Math.min(1, w) - partWeight[slotP[p]!]!);
			partWeight[slotP[p]!]! += w;
			weight[c]! += w;
		}
	}
	partStart[cells] = partList.length;
	dayStart[cells] = dayList.length;
	return {
		partStart,
		partList: Int32Array.from(partList),
		partWeight: Float64Array.from(partWeight),
		dayStart,
		dayList: Int32Array.from(dayList),
		weight
	};
}
