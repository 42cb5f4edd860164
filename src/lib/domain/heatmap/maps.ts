import { NEIGHBOURHOOD_KEYS } from '../neighbourhoods/keys';
import { classify } from './classes';
import type { Contributions } from './contributions';
import type { CellGrid } from './grid';
import { checkStoredNoise, clipFactors, clippedWeight, drawNoise } from './noise';
import type {
	DisclosureReport,
	HeatCell,
	HeatmapArea,
	HeatmapMap,
	HeatmapParameters,
	HeatmapResult,
	StoredNoise
} from './schema';
import type { CellStats } from './stats';

const NONE = 0;
const INSTITUTION = 1;
const K = 2;
const DAYS = 3;
const DOMINANCE = 4;
const NOISE = 5;
const SHOWN = 6;

export interface MapContext {
	grid: CellGrid;
	stats: CellStats;
	contrib: Contributions;
	/** Per cell: 1 when it touches an institution's buffer. */
	removed: Uint8Array;
	params: HeatmapParameters;
	participantCount: number;
	dayCount: number;
	excluded: DisclosureReport['participantsExcluded'];
	storedNoise: StoredNoise | undefined;
}

/**
 * The disclosure rules of docs/product.md, cell by cell: whole cells touching an institution go first;
 * then, in the aggregate view, a cell needs k distinct participants (de Montjoye et al. 2013: four
 * points single out 95 % of people), two distinct days (one day is one event, recognisable to
 * anyone who was there), and no participant over half its weight (one person's routine would
 * otherwise show through a crowd of passers-by).
 */
export function buildMaps(ctx: MapContext): HeatmapResult {
	const { stats, params } = ctx;
	const aggregate = params.view.kind === 'aggregate';
	const n = ctx.grid.cells.length;
	const status = new Uint8Array(n);
	const shown = new Float64Array(n);
	for (let c = 0; c < n; c++) {
		const people = stats.partStart[c + 1]! - stats.partStart[c]!;
		if (people === 0 && ctx.contrib.shareRaw[c] === 0) continue;
		if (ctx.removed[c]) status[c] = INSTITUTION;
		else if (people === 0 || !(stats.weight[c]! > 0)) status[c] = NONE;
		else if (aggregate && people < params.k) status[c] = K;
		else if (aggregate && stats.dayStart[c + 1]! - stats.dayStart[c]! < params.minDays)
			status[c] = DAYS;
		else if (aggregate && largestShare(stats, c) > params.maxShare) status[c] = DOMINANCE;
		else {
			status[c] = SHOWN;
			shown[c] = Math.round(stats.weight[c]! * 100) / 100;
		}
	}
	const noise = aggregate && params.dp ? addNoise(ctx, status, shown) : null;
	const maps = {} as Record<HeatmapArea, HeatmapMap>;
	NEIGHBOURHOOD_KEYS.forEach((key, a) => (maps[key] = areaMap(ctx, key, a, status, shown)));
	maps.all = areaMap(ctx, 'all', -1, status, shown);
	return { maps, noise };
}

function largestShare(stats: CellStats, c: number): number {
	let max = 0;
	for (let i = stats.partStart[c]!; i < stats.partStart[c + 1]!; i++)
		max = Math.max(max, stats.partWeight[i]!);
	return max / stats.weight[c]!;
}

/** Clipped weights plus stored-or-fresh integer noise; cells that end at ≤ 0 are not shown. */
function addNoise(ctx: MapContext, status: Uint8Array, shown: Float64Array): StoredNoise {
	const { params, grid, stats } = ctx;
	const dp = params.dp!;
	if (ctx.storedNoise) checkStoredNoise(ctx.storedNoise, params);
	const draws: Record<string, number> = { ...ctx.storedNoise?.draws };
	const factor = clipFactors(
		stats,
		(c) => ctx.removed[c] === 0,
		ctx.participantCount,
		dp.contributionBound
	);
	const fresh: number[] = [];
	for (let c = 0; c < status.length; c++)
		if (status[c] === SHOWN && draws[grid.cells[c]!] === undefined) fresh.push(c);
	const z = drawNoise(fresh.length, dp.epsilon, dp.contributionBound);
	fresh.forEach((c, i) => (draws[grid.cells[c]!] = z[i]!));
	for (let c = 0; c < status.length; c++) {
		if (status[c] !== SHOWN) continue;
		const w = Math.round(clippedWeight(stats, c, factor)) + draws[grid.cells[c]!]!;
		if (w > 0) shown[c] = w;
		else status[c] = NOISE;
	}
	const sorted = Object.fromEntries(Object.entries(draws).sort(([a], [b]) => (a < b ? -1 : 1)));
	return { ...dp, metric: params.metric, resolution: params.resolution, draws: sorted };
}

function areaMap(
	ctx: MapContext,
	area: HeatmapArea,
	a: number,
	status: Uint8Array,
	shown: Float64Array
): HeatmapMap {
	const { grid, stats, contrib, params } = ctx;
	const count = [0, 0, 0, 0, 0, 0, 0];
	const people = new Uint8Array(ctx.participantCount);
	const days = new Uint8Array(ctx.dayCount);
	const cells: HeatCell[] = [];
	let smallestK: number | null = null;
	let raw = 0;
	let kept = 0;
	let reconstructed = 0;
	for (let c = 0; c < status.length; c++) {
		if (a >= 0 && grid.area[c] !== a) continue;
		count[status[c]!]!++;
		raw += contrib.shareRaw[c]!;
		if (!ctx.removed[c]) kept += contrib.shareKept[c]!;
		reconstructed += contrib.reconstructed[c]!;
		if (status[c] !== SHOWN) continue;
		cells.push({ cell: grid.cells[c]!, weight: shown[c]! });
		const k = stats.partStart[c + 1]! - stats.partStart[c]!;
		smallestK = smallestK === null ? k : Math.min(smallestK, k);
		for (let i = stats.partStart[c]!; i < stats.partStart[c + 1]!; i++)
			people[stats.partList[i]!] = 1;
		for (let i = stats.dayStart[c]!; i < stats.dayStart[c + 1]!; i++) days[stats.dayList[i]!] = 1;
	}
	let classes = null;
	if (params.classes > 0) {
		const scheme = classify(
			cells.map((x) => x.weight),
			params.classes
		);
		classes = scheme.classes;
		for (const cell of cells) {
			cell.class = scheme.classOf(cell.weight);
			cell.weight = classes[cell.class - 1]!.from;
		}
	}
	const report: DisclosureReport = {
		area,
		view: params.view.kind,
		notForPublication: params.view.kind === 'participant',
		cellsShown: cells.length,
		cellsSuppressed: {
			k: count[K]!,
			days: count[DAYS]!,
			dominance: count[DOMINANCE]!,
			noise: count[NOISE]!
		},
		cellsRemovedAsInstitution: count[INSTITUTION]!,
		smallestK,
		participantsIncluded: people.reduce((s, v) => s + v, 0),
		daysIncluded: days.reduce((s, v) => s + v, 0),
		institutionShare: raw > 0 ? Math.round(((raw - kept) / raw) * 10_000) / 10_000 : 0,
		reconstructedMinutesLeftOut: Math.round(reconstructed * 10) / 10,
		participantsExcluded: ctx.excluded,
		parameters: params
	};
	return { area, cells, classes, report };
}
