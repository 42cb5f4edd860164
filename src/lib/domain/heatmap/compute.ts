import { cellEdgeMetres } from '../geo/cells';
import { cachedGrid, cachedInstitutions } from './cache';
import { Contributions } from './contributions';
import { DayIndex } from './days';
import { fingerprintOf } from './fingerprint';
import { buildMaps } from './maps';
import { processNamedPlaces, sourceIndex } from './named';
import { processNotes } from './notes';
import {
	HeatmapCancelled,
	HeatmapOptions,
	type DisclosureReport,
	type HeatmapInput,
	type HeatmapOptionsInput,
	type HeatmapParameters,
	type HeatmapResult,
	type HeatmapStop,
	type ProgressCallback
} from './schema';
import { cellStats } from './stats';
import { CLASS_BREAKS } from './classes';
import { processFollowAlong, type TrackStage } from './tracks';

/** Report progress about every this many fixes: often enough for a bar, rare enough to be free. */
const PROGRESS_EVERY = 100_000;

/**
 * Computes the heatmaps of the three neighbourhoods and of all three together, with a disclosure
 * report for each. Pure and synchronous: the same input and options give the same output.
 * With `options.evidence` it also returns what a release is checked with (evidence.ts).
 * `onProgress(fraction)` is called between batches; returning `false` from it stops the
 * computation with a `HeatmapCancelled` error.
 */
export function computeHeatmap(
	input: HeatmapInput,
	options: HeatmapOptionsInput = {},
	onProgress?: ProgressCallback
): HeatmapResult {
	const opts = HeatmapOptions.parse(options);
	const params = parameters(opts);
	const report = (f: number) => {
		if (onProgress && onProgress(Math.min(1, f)) === false) throw new HeatmapCancelled();
	};
	report(0);
	const { grid, key } = cachedGrid(input.outlines, params.resolution);
	const inst = cachedInstitutions(grid, key, input.institutions, params.institutionBufferMetres);
	const { included, excluded } = selectParticipants(input, params);
	const days = new DayIndex();
	const contrib = new Contributions(grid.cells.length);
	const named = params.metric === 'places-named';
	// Places named for one activity: only named places have one; all: every chosen source.
	const sources = new Set(named && opts.activity ? [] : opts.sources);
	const stage: TrackStage = {
		grid,
		inst,
		days,
		contrib,
		marginMs: params.institutionMarginMinutes * 60_000,
		maxGapMs: params.maxFixIntervalSeconds * 1000,
		includeReconstructed: params.includeReconstructed,
		countTime: params.metric !== 'notes',
		cuts: new Map(),
		cellOf: new Int32Array(0)
	};

	const stopsOf = new Map<string, HeatmapStop[]>();
	for (const s of input.stops) {
		if (!included.has(s.participantId)) continue;
		const list = stopsOf.get(s.followAlongId);
		if (list) list.push(s);
		else stopsOf.set(s.followAlongId, [s]);
	}
	const totalFixes = input.tracks.reduce((n, tr) => n + tr.t.length, 0) || 1;
	let done = 0;
	let nextReport = PROGRESS_EVERY;
	const withTracks = !named || sources.has('tracks');
	contrib.setSource(sourceIndex('tracks'));
	for (const tr of withTracks ? input.tracks : []) {
		const p = included.get(tr.participantId);
		done += tr.t.length;
		if (p === undefined) continue;
		processFollowAlong(stage, p, tr, stopsOf.get(tr.followAlongId) ?? []);
		stopsOf.delete(tr.followAlongId);
		if (done >= nextReport) {
			nextReport = done + PROGRESS_EVERY;
			report((0.9 * done) / totalFixes);
		}
	}
	for (const stops of withTracks ? stopsOf.values() : [])
		processFollowAlong(stage, included.get(stops[0]!.participantId)!, null, stops);
	contrib.flush();
	report(0.9);
	contrib.setSource(sourceIndex('notes'));
	processNotes(
		// Places named takes a note as presence, as person-days does.
		{
			grid,
			days,
			contrib,
			metric: named ? 'person-days' : params.metric,
			cuts: stage.cuts,
			included
		},
		!named || sources.has('notes') ? input.notes : []
	);
	if (named) {
		contrib.asPresence();
		const { activity } = opts;
		const stageN = { grid, days, contrib, included, activity, sources: new Set(opts.sources) };
		processNamedPlaces(stageN, input.namedPlaces ?? []);
	}
	report(0.95);
	const mode = named ? 'distinct' : params.metric === 'person-days' ? 'person-days' : 'sum';
	const stats = cellStats(contrib, included.size, days.count, mode);
	const result = buildMaps({
		grid,
		stats,
		contrib,
		removed: inst.cellRemoved,
		params,
		participantCount: included.size,
		dayCount: days.count,
		excluded,
		evidence: opts.evidence ? { fingerprint: fingerprintOf(contrib, input, opts) } : null
	});
	report(1);
	return result;
}

function parameters(o: HeatmapOptions): HeatmapParameters {
	const publication = o.preset === 'publication';
	const unit = UNITS[o.metric];
	const named = o.metric === 'places-named';
	return {
		metric: o.metric,
		unit,
		resolution: o.resolution,
		cellEdgeMetres: Math.round(cellEdgeMetres(o.resolution)),
		preset: o.preset,
		view: o.view,
		k: o.k ?? (publication ? 10 : 5),
		minDays: o.minDays,
		maxShare: o.maxShare,
		maxTopTwoShare: o.maxTopTwoShare,
		classBreaks: [...CLASS_BREAKS[unit]],
		institutionBufferMetres: o.institutionBufferMetres,
		institutionMarginMinutes: o.institutionMarginMinutes,
		includeReconstructed: o.includeReconstructed,
		maxFixIntervalSeconds: o.maxFixIntervalSeconds,
		...(named ? { sources: o.sources, ...(o.activity ? { activity: o.activity } : {}) } : {})
	};
}

const UNITS: Record<HeatmapOptions['metric'], HeatmapParameters['unit']> = {
	time: 'minutes',
	notes: 'notes',
	'person-days': 'person-days',
	'places-named': 'participants'
};

/**
 * Participants enter only with consent to aggregates and when not withdrawn; data of an id not
 * in the list is left out too. The participant view still honours both: a person who said no to
 * maps is on none. Indices follow the participants list, so the same input numbers them alike.
 */
function selectParticipants(input: HeatmapInput, params: HeatmapParameters) {
	const view = params.view;
	const included = new Map<string, number>();
	const known = new Set<string>();
	const excluded: DisclosureReport['participantsExcluded'] = {
		noConsent: 0,
		withdrawn: 0,
		unknown: 0
	};
	for (const p of input.participants) {
		if (known.has(p.id)) continue;
		known.add(p.id);
		if (p.withdrawn) excluded.withdrawn++;
		else if (!p.aggregateConsent) excluded.noConsent++;
		else if (view.kind === 'aggregate' || view.participantId === p.id)
			included.set(p.id, included.size);
	}
	const unknown = new Set<string>();
	const check = (id: string) => known.has(id) || unknown.add(id);
	for (const tr of input.tracks) check(tr.participantId);
	for (const s of input.stops) check(s.participantId);
	for (const n of input.notes) n.participantIds.forEach(check);
	for (const n of input.namedPlaces ?? []) check(n.participantId);
	excluded.unknown = unknown.size;
	return { included, excluded };
}
