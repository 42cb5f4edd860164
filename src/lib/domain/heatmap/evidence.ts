import { NEIGHBOURHOOD_KEYS } from '../neighbourhoods/keys';
import type { MapContext } from './maps';
import type { EvidenceCell, HeatmapArea, HeatmapEvidence, HeldBy } from './schema';
import { CELL_STATUS } from './status';

const HELD: Record<number, HeldBy> = {
	[CELL_STATUS.K]: 'k',
	[CELL_STATUS.DAYS]: 'days',
	[CELL_STATUS.DOMINANCE]: 'dominance'
};

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * What a release is checked with (releases.ts): per cell, the weights of its participants without
 * their ids. Two computations can then be compared cell by cell ("how many people would the
 * difference rest on?") and a colleague's release compared with this workspace's data, without
 * a list of who was where being kept anywhere.
 */
export function buildEvidence(
	ctx: MapContext,
	status: Uint8Array,
	fingerprint: string
): HeatmapEvidence {
	const { grid, stats, removed } = ctx;
	const n = grid.cells.length;
	const cells: EvidenceCell[] = [];
	const institutionCells: HeatmapEvidence['institutionCells'] = [];
	const areas = NEIGHBOURHOOD_KEYS.length;
	const totals = Array.from({ length: areas }, () => new Float64Array(ctx.participantCount));
	for (let c = 0; c < n; c++) {
		const area = NEIGHBOURHOOD_KEYS[grid.area[c]!]!;
		if (removed[c]) {
			institutionCells.push({ cell: grid.cells[c]!, area });
			continue;
		}
		if (status[c] === CELL_STATUS.NONE) continue;
		const weights: number[] = [];
		for (let i = stats.partStart[c]!; i < stats.partStart[c + 1]!; i++) {
			weights.push(round2(stats.partWeight[i]!));
			totals[grid.area[c]!]![stats.partList[i]!]! += stats.partWeight[i]!;
		}
		weights.sort((a, b) => a - b);
		cells.push({ cell: grid.cells[c]!, area, weights, held: HELD[status[c]!] ?? null });
	}
	const sorted = (t: Float64Array) =>
		Array.from(t)
			.filter((v) => v > 0)
			.map(round2)
			.sort((a, b) => a - b);
	const all = new Float64Array(ctx.participantCount);
	for (const t of totals) t.forEach((v, p) => (all[p]! += v));
	const totalsBy = { all: sorted(all) } as Record<HeatmapArea, number[]>;
	NEIGHBOURHOOD_KEYS.forEach((key, a) => (totalsBy[key] = sorted(totals[a]!)));
	return {
		fingerprint,
		cells,
		institutionCells,
		totals: totalsBy,
		personDays: personDays(ctx, status)
	};
}

/** Distinct (participant, calendar day) pairs with weight in shown cells, per map. */
function personDays(ctx: MapContext, status: Uint8Array): Record<HeatmapArea, number> {
	const { contrib, grid, dayCount } = ctx;
	const seen = NEIGHBOURHOOD_KEYS.map(() => new Set<number>());
	const all = new Set<number>();
	for (let r = 0; r < contrib.length; r++) {
		const c = contrib.cell[r]!;
		if (status[c] !== CELL_STATUS.SHOWN || !(contrib.weight[r]! > 0)) continue;
		const pair = contrib.participant[r]! * dayCount + contrib.day[r]!;
		seen[grid.area[c]!]!.add(pair);
		all.add(pair);
	}
	const out = { all: all.size } as Record<HeatmapArea, number>;
	NEIGHBOURHOOD_KEYS.forEach((key, a) => (out[key] = seen[a]!.size));
	return out;
}
