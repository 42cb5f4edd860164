import { z } from 'zod';
import { CellResolution, DEFAULT_HEATMAP_RESOLUTION } from '../geo/cells';
import { AreaGeometry } from '../neighbourhoods/geometry';
import { NEIGHBOURHOOD_KEYS, NeighbourhoodKey } from '../neighbourhoods/keys';
import { Activity, NAMED_PLACE_SOURCES, NamedPlaceSource } from '../named-places/named-place';

/*
 * The heatmap's input, options and output. Options are zod schemas (the UI and the worker messages
 * parse them); the input's columnar tracks are typed arrays, checked with `z.instanceof` only, so
 * validating a worker message never walks a million fixes.
 */

/** Where a fix came from; the numbers are what `TrackColumns.src` holds (low 7 bits). */
export const FIX_SOURCE = { gps: 0, imported: 1, manual: 2, reconstructed: 3 } as const;
/**
 * The high bit of a `src` byte marks the first fix after a gap, as the tracks module stores it
 * (`GAP_BEFORE` in domain/tracks/fix.ts), so its columns can be passed in unchanged.
 */
export const FIX_GAP_BEFORE = 0x80;
export const FIX_SOURCE_MASK = 0x7f;

export const HEATMAP_AREAS = [...NEIGHBOURHOOD_KEYS, 'all'] as const;
export const HeatmapArea = z.enum(HEATMAP_AREAS);
export type HeatmapArea = z.infer<typeof HeatmapArea>;

const Lat = z.number().min(-90).max(90);
const Lon = z.number().min(-180).max(180);
const Ms = z.number().finite();

export const HeatmapParticipant = z.object({
	id: z.string().min(1),
	/** The participant's consent covers entering aggregate maps. */
	aggregateConsent: z.boolean(),
	withdrawn: z.boolean()
});
export type HeatmapParticipant = z.infer<typeof HeatmapParticipant>;

/** One follow-along's fixes as columns, sorted by time; index i is one fix. */
export const TrackColumns = z.object({
	followAlongId: z.string().min(1),
	participantId: z.string().min(1),
	t: z.instanceof(Float64Array),
	lat: z.instanceof(Float64Array),
	lon: z.instanceof(Float64Array),
	src: z.instanceof(Uint8Array),
	/** Gap boundaries: fix indices i where the track breaks between fix i and fix i + 1, sorted
	 * (as well as, or instead of, FIX_GAP_BEFORE on fix i + 1). */
	gapAfter: z.union([z.instanceof(Uint32Array), z.array(z.number().int().min(0))]).optional()
});
export type TrackColumns = z.infer<typeof TrackColumns>;

export const HeatmapStop = z.object({
	participantId: z.string().min(1),
	followAlongId: z.string().min(1),
	arrivedAt: Ms,
	departedAt: Ms,
	lat: Lat,
	lon: Lon
});
export type HeatmapStop = z.infer<typeof HeatmapStop>;

/** A note with a location: its H3 cell (any resolution) or, failing that, a position. */
export const LocatedNote = z
	.object({
		participantIds: z.array(z.string().min(1)),
		observedAt: Ms,
		cell: z.string().optional(),
		lat: Lat.optional(),
		lon: Lon.optional()
	})
	.refine((n) => n.cell !== undefined || (n.lat !== undefined && n.lon !== undefined), {
		message: 'a located note needs a cell or lat/lon'
	});
export type LocatedNote = z.infer<typeof LocatedNote>;

/** A glossary place marked institution: a point with a radius, or an outline. */
export const Institution = z.discriminatedUnion('shape', [
	z.object({
		shape: z.literal('circle'),
		id: z.string().min(1),
		lat: Lat,
		lon: Lon,
		radiusMetres: z.number().min(0).max(5000)
	}),
	z.object({ shape: z.literal('area'), id: z.string().min(1), geometry: AreaGeometry })
]);
export type Institution = z.infer<typeof Institution>;

/** Every source a map can draw on: the named places' four, the follow-along tracks, located notes. */
export const HEATMAP_SOURCES = [...NAMED_PLACE_SOURCES, 'tracks', 'notes'] as const;
export const HeatmapSource = z.enum(HEATMAP_SOURCES);
export type HeatmapSource = z.infer<typeof HeatmapSource>;

/**
 * A place a participant named as part of their everyday life, as its H3 cell (snapped at entry,
 * at the resolution their consent allows; a glossary place comes as its cell). `namedAt` is when
 * it was said (the interview's or the survey's date): it is the day the days rule counts.
 */
export const NamedPlaceInput = z.object({
	participantId: z.string().min(1),
	source: NamedPlaceSource,
	cell: z.string().min(1),
	activity: Activity,
	namedAt: Ms
});
export type NamedPlaceInput = z.infer<typeof NamedPlaceInput>;

export const HeatmapInput = z.object({
	participants: z.array(HeatmapParticipant),
	tracks: z.array(TrackColumns),
	stops: z.array(HeatmapStop),
	notes: z.array(LocatedNote),
	/** Only the places-named metric reads them. */
	namedPlaces: z.array(NamedPlaceInput).optional(),
	institutions: z.array(Institution),
	outlines: z.record(NeighbourhoodKey, AreaGeometry)
});
export type HeatmapInput = z.infer<typeof HeatmapInput>;

export const HeatmapMetric = z.enum(['time', 'notes', 'person-days', 'places-named']);
export type HeatmapMetric = z.infer<typeof HeatmapMetric>;

export const HeatmapView = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('aggregate') }),
	/** One participant's everyday places: for analysis inside the team, never for publication. */
	z.object({ kind: z.literal('participant'), participantId: z.string().min(1) })
]);
export type HeatmapView = z.infer<typeof HeatmapView>;

/*
 * The floors are the privacy defaults of docs/product.md: options can make a map stricter, never looser
 * (k ≥ 5, ≥ 2 days, dominance ≤ ½ and (2, 85 %), buffer ≥ 150 m, ≥ 5 minutes either side of a
 * visit).
 */
export const HeatmapOptions = z
	.object({
		metric: HeatmapMetric.default('time'),
		resolution: CellResolution.default(DEFAULT_HEATMAP_RESOLUTION),
		preset: z.enum(['standard', 'publication']).default('standard'),
		/** Distinct participants a shown cell needs; 5 by default, 10 in the publication preset. */
		k: z.number().int().min(5).max(1000).optional(),
		minDays: z.number().int().min(2).max(366).default(2),
		/** Largest share of a cell's weight one participant may make up. */
		maxShare: z.number().gt(0).max(0.5).default(0.5),
		/** Largest share the two largest contributors may make up together: the (2, 85 %) rule. */
		maxTopTwoShare: z.number().gt(0).max(0.85).default(0.85),
		institutionBufferMetres: z.number().min(150).max(2000).default(150),
		institutionMarginMinutes: z.number().min(5).max(240).default(5),
		includeReconstructed: z.boolean().default(false),
		/** Fixes further apart than this are a gap: where the person was in between is unknown. */
		maxFixIntervalSeconds: z.number().positive().max(86_400).default(600),
		view: HeatmapView.default({ kind: 'aggregate' }),
		/** Places named: count only the named places of this activity (tracks and notes have none). */
		activity: Activity.optional(),
		/** Places named: which sources a participant's presence in a cell may come from. */
		sources: z
			.array(HeatmapSource)
			.min(1)
			.default([...HEATMAP_SOURCES]),
		/** Also return what a release is checked with (`result.evidence`): per-cell contributions. */
		evidence: z.boolean().default(false)
	})
	.refine((o) => o.preset !== 'publication' || o.k === undefined || o.k >= 10, {
		message: 'the publication preset needs k ≥ 10',
		path: ['k']
	});
export type HeatmapOptionsInput = z.input<typeof HeatmapOptions>;
export type HeatmapOptions = z.output<typeof HeatmapOptions>;

/** The options as applied, written into every disclosure report. */
export interface HeatmapParameters {
	metric: HeatmapMetric;
	unit: 'minutes' | 'notes' | 'person-days' | 'participants';
	resolution: CellResolution;
	cellEdgeMetres: number;
	preset: 'standard' | 'publication';
	view: HeatmapView;
	k: number;
	minDays: number;
	maxShare: number;
	maxTopTwoShare: number;
	/** The fixed class bounds of the unit (CLASS_BREAKS): the same for every map of the project. */
	classBreaks: number[];
	institutionBufferMetres: number;
	institutionMarginMinutes: number;
	includeReconstructed: boolean;
	maxFixIntervalSeconds: number;
	/** Places named only: the activity counted (absent: all) and the sources drawn on. */
	activity?: Activity;
	sources?: HeatmapSource[];
}

export interface HeatCell {
	cell: string;
	weight: number;
	/** 1 (lowest) … the number of classes: the fixed class the weight falls in. */
	class: number;
}

export interface HeatClass {
	class: number;
	/** Lower bound (inclusive) and upper bound (exclusive; null for the top class). */
	from: number;
	to: number | null;
}

export interface DisclosureReport {
	area: HeatmapArea;
	view: 'aggregate' | 'participant';
	notForPublication: boolean;
	cellsShown: number;
	cellsSuppressed: { k: number; days: number; dominance: number };
	/** Cells with data that touch an institution's buffer, removed whole. */
	cellsRemovedAsInstitution: number;
	/** Fewest distinct participants in any shown cell (null when nothing is shown). */
	smallestK: number | null;
	participantsIncluded: number;
	/** Distinct calendar days (Copenhagen) contributing to shown cells. */
	daysIncluded: number;
	/** Share of the time (notes, for the notes metric) in the area left out as institutions. */
	institutionShare: number;
	reconstructedMinutesLeftOut: number;
	participantsExcluded: { noConsent: number; withdrawn: number; unknown: number };
	/** Distinct participants each source contributed to shown cells (one may come from several). */
	participantsBySource: Record<HeatmapSource, number>;
	parameters: HeatmapParameters;
}

export interface HeatmapMap {
	area: HeatmapArea;
	cells: HeatCell[];
	/** Every class of the unit, used or not, so that maps share one legend. */
	classes: HeatClass[];
	report: DisclosureReport;
}

export interface HeatmapResult {
	maps: Record<HeatmapArea, HeatmapMap>;
	/** With `options.evidence`: what a release is checked with (see evidence.ts). */
	evidence?: HeatmapEvidence;
}

/** Why a cell with data is not shown by the disclosure rules (null: it is shown). */
export type HeldBy = 'k' | 'days' | 'dominance' | null;

/**
 * What the release check needs of a computation, inside the workspace only: never exported.
 * Per cell its participants' weights (sorted, without ids), so that two computations can be
 * compared without knowing who is who.
 */
export interface HeatmapEvidence {
	/** A hash of the input and of the options that change what a cell holds (fingerprint.ts). */
	fingerprint: string;
	/** Every cell with data that is not left out as an institution. */
	cells: EvidenceCell[];
	/** Every cell touching an institution's buffer, with data or without: drawn hatched. */
	institutionCells: { cell: string; area: NeighbourhoodKey }[];
	/** Per map: each counted participant's total outside institutions, sorted. */
	totals: Record<HeatmapArea, number[]>;
	/** Per map: distinct (participant, calendar day) pairs in shown cells. */
	personDays: Record<HeatmapArea, number>;
}

export interface EvidenceCell {
	cell: string;
	area: NeighbourhoodKey;
	/** Each contributing participant's weight in the cell, rounded to 0.01, ascending. */
	weights: number[];
	held: HeldBy;
}

export type ProgressCallback = (fraction: number) => void | boolean;

export class HeatmapCancelled extends Error {
	constructor() {
		super('heatmap computation cancelled');
		this.name = 'HeatmapCancelled';
	}
}
