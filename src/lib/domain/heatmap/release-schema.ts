import { z } from 'zod';
import { CellId as H3Cell, CellResolution } from '../geo/cell-schema';
import { NeighbourhoodKey } from '../neighbourhoods/keys';
import { Activity } from '../named-places/named-place';
import { Timestamp } from '../records/record';
import { CountBand } from './bands';
import { HeatmapArea, HeatmapMetric, HeatmapSource } from './schema';

/*
 * A release: an aggregate map that left the device, as the workspace records it. What was
 * released (the cells with their class bounds, the counts in bands, the files byte for byte) and
 * what it rests on (the evidence, never exported), so that every later map is checked against it
 * (releases.ts) and a re-export gives the same files.
 */

/** A class as released: from (inclusive) to (exclusive; null: and more). */
export const Band = z
	.object({ from: z.number().min(0), to: z.number().positive().nullable() })
	.refine((b) => b.to === null || b.to > b.from, { message: 'to must be above from' });
export type Band = z.infer<typeof Band>;

export const ReleasedCell = z.object({
	cell: H3Cell,
	from: z.number().min(0),
	to: z.number().positive().nullable()
});
export type ReleasedCell = z.infer<typeof ReleasedCell>;

/** The disclosure rules and what a cell holds, as applied to a release (aggregate view only). */
export const ReleaseParameters = z.object({
	metric: HeatmapMetric,
	unit: z.enum(['minutes', 'notes', 'person-days', 'participants']),
	resolution: CellResolution,
	cellEdgeMetres: z.number().positive(),
	preset: z.enum(['standard', 'publication']),
	k: z.number().int().min(5),
	minDays: z.number().int().min(2),
	maxShare: z.number().gt(0).max(0.5),
	maxTopTwoShare: z.number().gt(0).max(0.85),
	classBreaks: z.array(z.number().positive()).min(1).max(12),
	institutionBufferMetres: z.number().min(150),
	institutionMarginMinutes: z.number().min(5),
	includeReconstructed: z.boolean(),
	maxFixIntervalSeconds: z.number().positive(),
	activity: Activity.optional(),
	sources: z.array(HeatmapSource).min(1).optional()
});
export type ReleaseParameters = z.infer<typeof ReleaseParameters>;

/** What a released figure rests on: its participants' weights without their ids. */
export const EvidenceEntry = z.object({
	cell: H3Cell,
	area: NeighbourhoodKey,
	weights: z.array(z.number().min(0)).max(100_000)
});
export type EvidenceEntry = z.infer<typeof EvidenceEntry>;

export const ReleaseEvidence = z.object({
	cells: z.array(EvidenceEntry).max(200_000),
	/** Each counted participant's total over the map, sorted: did the map as a whole move? */
	totals: z.array(z.number().min(0)).max(100_000)
});
export type ReleaseEvidence = z.infer<typeof ReleaseEvidence>;

/** The released report's figures: exact where the map shows them anyway, else in bands. */
export const ReleasedCounts = z.object({
	cellsShown: z.number().int().min(0),
	heldBack: z.object({
		k: CountBand,
		days: CountBand,
		dominance: CountBand,
		/** Held back because an earlier release could be subtracted from them (secondary). */
		subtraction: CountBand,
		/** Held back as an earlier release had them: the change since rests on too few people. */
		kept: CountBand
	}),
	/** Cells touching an institution's buffer, with data or without: drawn hatched. */
	institutionCells: z.number().int().min(0),
	participants: CountBand,
	personDays: CountBand,
	calendarDays: CountBand,
	smallestK: CountBand.nullable(),
	institutionSharePercent: z.number().int().min(0).max(100),
	leftOut: z.object({ noConsent: CountBand, withdrawn: CountBand }),
	reconstructedMinutes: CountBand,
	/** Participants each source contributed, in bands (releases before issue 17 have none). */
	bySource: z.partialRecord(HeatmapSource, CountBand).optional()
});
export type ReleasedCounts = z.infer<typeof ReleasedCounts>;

/** How the release relates to the earlier ones: why its figures moved, or did not. */
export const ReleaseComparison = z.object({
	/** Earlier releases it was checked against. */
	checkedAgainst: z.number().int().min(0),
	/** The latest earlier release of the same map (unit, grid and area), if any. */
	previous: z
		.object({ id: z.string().max(64), releasedAt: Timestamp, title: z.string().max(200) })
		.nullable(),
	sameData: z.boolean(),
	sameRules: z.boolean(),
	/** Participants whose figures changed since `previous`: none, fewer than k, or k and more. */
	participantsChanged: z.enum(['none', 'fewer-than-k', 'k-or-more']),
	/** Cells whose class differs from `previous`. */
	cellsMoved: CountBand,
	/** Cells shown as an earlier release showed them although today's data would differ. */
	cellsKeptShown: CountBand
});
export type ReleaseComparison = z.infer<typeof ReleaseComparison>;

/** The checked release, before it is given a title and files (releases.ts). */
export const ReleaseStatement = z.object({
	area: HeatmapArea,
	parameters: ReleaseParameters,
	fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
	cells: z.array(ReleasedCell).max(200_000),
	institutionCells: z.array(H3Cell).max(200_000),
	evidence: ReleaseEvidence,
	counts: ReleasedCounts,
	comparison: ReleaseComparison
});
export type ReleaseStatement = z.infer<typeof ReleaseStatement>;
