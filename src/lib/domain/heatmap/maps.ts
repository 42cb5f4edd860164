import { NEIGHBOURHOOD_KEYS } from '../neighbourhoods/keys';
import { classesOf, classOf } from './classes';
import type { Contributions } from './contributions';
import { dominated } from './dominance';
import { buildEvidence } from './evidence';
import type { CellGrid } from './grid';
import type {
	DisclosureReport,
	HeatCell,
	HeatmapArea,
	HeatmapMap,
	HeatmapParameters,
	HeatmapResult,
	HeatmapSource
} from './schema';
import { HEATMAP_SOURCES } from './schema';
import type { CellStats } from './stats';
import { CELL_STATUS } from './status';

const { NONE, INSTITUTION, K, DAYS, DOMINANCE, SHOWN } = CELL_STATUS;

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
	/** Also return the evidence a release is checked with; the fingerprint comes with it. */
	evidence: { fingerprint: string } | null;
}

/**
 * The disclosure rules of docs/product.md, cell by cell: whole cells touching an institution go first;
 * then, in the aggregate view, a cell needs k distinct participants (de Montjoye et al. 2013: four
 * points single out 95 % of people), two distinct days (one day is one event, recognisable to
 * anyone who was there), and no participant over half its weight nor two over 85 % of it (one
 * person's routine, or a couple's, would otherwise show through a crowd of passers-by).
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
		else if (
			aggregate &&
			dominated(
				stats.partWeight,
				params.maxShare,
				params.maxTopTwoShare,
				stats.partStart[c],
				stats.partStart[c + 1]
			)
		)
			status[c] = DOMINANCE;
		else {
			status[c] = SHOWN;
			shown[c] = Math.round(stats.weight[c]! * 100) / 100;
		}
	}
	const maps = {} as Record<HeatmapArea, HeatmapMap>;
	const bySource = participantsBySource(ctx, status);
	NEIGHBOURHOOD_KEYS.forEach(
		(key, a) => (maps[key] = areaMap(ctx, key, a, status, shown, bySource[key]))
	);
	maps.all = areaMap(ctx, 'all', -1, status, shown, bySource.all);
	if (!ctx.evidence) return { maps };
	return { maps, evidence: buildEvidence(ctx, status, ctx.evidence.fingerprint) };
}

function areaMap(
	ctx: MapContext,
	area: HeatmapArea,
	a: number,
	status: Uint8Array,
	shown: Float64Array,
	bySource: Record<HeatmapSource, number>
): HeatmapMap {
	const { grid, stats, contrib, params } = ctx;
	const count = [0, 0, 0, 0, 0, 0];
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
		cells.push({
			cell: grid.cells[c]!,
			weight: shown[c]!,
			class: classOf(shown[c]!, params.classBreaks)
		});
		const k = stats.partStart[c + 1]! - stats.partStart[c]!;
		smallestK = smallestK === null ? k : Math.min(smallestK, k);
		for (let i = stats.partStart[c]!; i < stats.partStart[c + 1]!; i++)
			people[stats.partList[i]!] = 1;
		for (let i = stats.dayStart[c]!; i < stats.dayStart[c + 1]!; i++) days[stats.dayList[i]!] = 1;
	}
	const report: DisclosureReport = {
		area,
		view: params.view.kind,
		notForPublication: params.view.kind === 'participant',
		cellsShown: cells.length,
		cellsSuppressed: {
			k: count[K]!,
			days: count[DAYS]!,
			dominance: count[DOMINANCE]!
		},
		cellsRemovedAsInstitution: count[INSTITUTION]!,
		smallestK,
		participantsIncluded: people.reduce((s, v) => s + v, 0),
		daysIncluded: days.reduce((s, v) => s + v, 0),
		institutionShare: raw > 0 ? Math.round(((raw - kept) / raw) * 10_000) / 10_000 : 0,
		reconstructedMinutesLeftOut: Math.round(reconstructed * 10) / 10,
		participantsExcluded: ctx.excluded,
		participantsBySource: bySource,
		parameters: params
	};
	return { area, cells, classes: classesOf(params.classBreaks), report };
}

/** Per map and source: distinct participants whose rows from that source are in shown cells. */
function participantsBySource(
	ctx: MapContext,
	status: Uint8Array
): Record<HeatmapArea, Record<HeatmapSource, number>> {
	const { contrib, grid, participantCount } = ctx;
	const areas = NEIGHBOURHOOD_KEYS.length;
	// seen[(area * sources + source) * participants + p], the last area being all three
	const seen = new Uint8Array((areas + 1) * HEATMAP_SOURCES.length * participantCount);
	for (let r = 0; r < contrib.length; r++) {
		const c = contrib.cell[r]!;
		if (status[c] !== SHOWN || !(contrib.weight[r]! > 0)) continue;
		const s = contrib.source[r]!;
		const p = contrib.participant[r]!;
		for (const a of [grid.area[c]!, areas])
			seen[(a * HEATMAP_SOURCES.length + s) * participantCount + p] = 1;
	}
	const count = (a: number) =>
		Object.fromEntries(
			HEATMAP_SOURCES.map((src, s) => {
				const at = (a * HEATMAP_SOURCES.length + s) * participantCount;
				return [src, seen.subarray(at, at + participantCount).reduce((n, v) => n + v, 0)];
			})
		) as Record<HeatmapSource, number>;
	const out = { all: count(areas) } as Record<HeatmapArea, Record<HeatmapSource, number>>;
	NEIGHBOURHOOD_KEYS.forEach((key, a) => (out[key] = count(a)));
	return out;
}
