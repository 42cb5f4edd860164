import type { FollowAlongContent, Gap } from '$lib/domain/follow-alongs/follow-along';
import { appendToChunks, packChunks, type TrackChunk } from '$lib/domain/tracks/chunks';
import type { FilterState } from '$lib/domain/tracks/filter';
import type { Fix } from '$lib/domain/tracks/fix';
import type { Track } from '$lib/domain/tracks/track';
import { chunksOf } from '$lib/db/follow-alongs.queries';
import {
	fixChunksRepo,
	followAlongsRepo,
	type FixChunk,
	type FollowAlong
} from '$lib/db/follow-alongs.repo';

/**
 * The chunk rows and the follow-along row a write of fixes produces. The track writer, the drop
 * box (fixes taken back after unlocking), a sketch and a GPX import all write through these, so
 * none of them imports another.
 */

export interface RecordingPatch {
	status?: FollowAlongContent['status'];
	endedAt?: number | null;
	dropped?: Record<string, number>;
	filterState?: FilterState;
}

/** The chunk entities that store `fixes` after `last`: the topped-up last chunk, then new ones. */
export function appendedChunks(
	followAlongId: string,
	last: FixChunk | undefined,
	fixes: readonly Fix[] | Track,
	now: number
): FixChunk[] {
	const rows = appendToChunks(followAlongId, last && content(last), fixes);
	return rows.map((row) =>
		last && row.seq === last.seq
			? fixChunksRepo.touch(last, row, now)
			: fixChunksRepo.prepare(row, now)
	);
}

/** The day after `added` more fixes, the gaps among them and the recorder's patch. */
export function followAlongAfterWrite(
	day: FollowAlong,
	added: number,
	gaps: readonly Gap[],
	patch: RecordingPatch,
	now: number
): FollowAlong {
	return followAlongsRepo.touch(
		day,
		{ ...patch, fixCount: day.fixCount + added, gaps: [...day.gaps, ...gaps] },
		now
	);
}

function content(chunk: FixChunk): TrackChunk {
	const { followAlongId, seq, count, t, lat, lon, acc, src } = chunk;
	return { followAlongId, seq, count, t, lat, lon, acc, src };
}

/**
 * The rows for a whole track: chunk entities reuse the ids of the day's existing chunks by `seq`
 * (so a rewrite replaces them), and chunks left over from a longer old track go to the trash.
 */
export async function rewrittenChunks(
	followAlongId: string,
	track: Track,
	hasChunks: boolean,
	now = Date.now()
): Promise<FixChunk[]> {
	const old = hasChunks ? await chunksOf(followAlongId) : [];
	const bySeq = new Map(old.map((c) => [c.seq, c]));
	const rows = packChunks(followAlongId, track);
	const written = rows.map((row) => {
		const prev = bySeq.get(row.seq);
		return prev ? fixChunksRepo.touch(prev, row, now) : fixChunksRepo.prepare(row, now);
	});
	const surplus = old.filter((c) => c.seq >= rows.length).map((c) => fixChunksRepo.trash(c, now));
	return [...written, ...surplus];
}
