import { z } from 'zod';
import { NeighbourhoodKey } from '$lib/domain/neighbourhoods/keys';
import { Id, Timestamp } from '$lib/domain/records/record';
import { TRAVEL_MODES } from '$lib/domain/tracks/filter';

export const TravelModeSchema = z.enum(TRAVEL_MODES);

/** How the route of a day was got: recorded by GPS, imported from a GPX file, or only sketched. */
export const RouteSource = z.enum(['gps', 'imported', 'sketch']);
export type RouteSource = z.infer<typeof RouteSource>;

export const FollowAlongStatus = z.enum(['recording', 'paused', 'ended']);
export type FollowAlongStatus = z.infer<typeof FollowAlongStatus>;

export const GapReason = z.enum(['timeout', 'hidden', 'paused', 'jump', 'import']);

/** A stretch without fixes: kept as a gap and never bridged with a straight line. */
export const Gap = z.object({ from: Timestamp, to: Timestamp, reason: GapReason });
export type Gap = z.infer<typeof Gap>;

/**
 * A follow-along (go-along) day: who was followed, by whom, and how the day was recorded.
 * Its fixes live in chunks (`fixChunks`), its stops in `stops`, its notes point to it.
 */
export const FollowAlongContent = z.object({
	participantId: Id.nullable().default(null),
	ethnographerIds: z.array(Id).max(10).default([]),
	neighbourhood: NeighbourhoodKey.nullable().default(null),
	kind: z.enum(['natural', 'arranged']).default('natural'),
	modes: z.array(TravelModeSchema).max(TRAVEL_MODES.length).default(['walking']),
	routeChosenBy: z.enum(['participant', 'researcher', 'together']).nullable().default(null),
	/** Who else was along, in the researcher's words (no names: roles such as "a friend"). */
	companions: z.string().max(500).default(''),
	routeSource: RouteSource.default('gps'),
	status: FollowAlongStatus.default('recording'),
	startedAt: Timestamp,
	endedAt: Timestamp.nullable().default(null),
	gaps: z.array(Gap).max(100_000).default([]),
	/** Fixes dropped while recording, by reason (too inaccurate, impossible jump, …). */
	dropped: z.record(z.string().max(20), z.number().int().nonnegative()).default({}),
	fixCount: z.number().int().nonnegative().default(0),
	/** The filter's state, so a reload during recording carries on where it was. */
	filterState: z.unknown().optional()
});
export type FollowAlongContent = z.infer<typeof FollowAlongContent>;
export type FollowAlongInput = z.input<typeof FollowAlongContent>;
