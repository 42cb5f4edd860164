import { FollowAlongContent } from '$lib/domain/follow-alongs/follow-along';
import { StopContent } from '$lib/domain/follow-alongs/stop';
import { decodeChunk, encodeChunk, EncodedTrackChunk, TrackChunk } from '$lib/domain/tracks/chunks';
import { defineRepository, type EntityOf } from './repository';

/** Follow-along days. Only the participant is indexed (keyed): when and where are sealed. */
export const followAlongsRepo = defineRepository({
	table: 'followAlongs',
	content: FollowAlongContent,
	version: 1,
	index: (c) => ({ participantId: c.participantId ?? undefined })
});
export type FollowAlong = EntityOf<typeof FollowAlongContent>;

export const stopsRepo = defineRepository({
	table: 'stops',
	content: StopContent,
	version: 1,
	index: (c) => ({ followAlongId: c.followAlongId, placeId: c.placeId ?? undefined })
});
export type Stop = EntityOf<typeof StopContent>;

/**
 * Fixes in chunks of typed arrays (see domain/tracks/chunks.ts). Every value is checked on
 * write (`refined`), and backups carry the columns as base64.
 */
export const fixChunksRepo = defineRepository({
	table: 'fixChunks',
	content: TrackChunk,
	version: 1,
	refined: true,
	index: (c) => ({ followAlongId: c.followAlongId, seq: c.seq }),
	json: { schema: EncodedTrackChunk, encode: encodeChunk, decode: decodeChunk }
});
export type FixChunk = EntityOf<typeof TrackChunk>;
