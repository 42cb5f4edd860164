import type { FollowAlongContent, Gap } from '$lib/domain/followalongs/follow-along';
import { appendToChunks, type TrackChunk } from '$lib/domain/tracks/chunks';
import type { FilterState } from '$lib/domain/tracks/filter';
import type { Fix } from '$lib/domain/tracks/fix';
import { change, commit } from '$lib/db/commit';
import { chunksOf } from '$lib/db/followalongs.queries';
import {
	fixChunksRepo,
	followAlongsRepo,
	type FixChunk,
	type FollowAlong
} from '$lib/db/followalongs.repo';

/** How often a recording's kept fixes are written: a crash loses at most this long. */
export const FLUSH_EVERY_MS = 5_000;

export interface RecordingPatch {
	status?: FollowAlongContent['status'];
	endedAt?: number | null;
	dropped?: Record<string, number>;
	filterState?: FilterState;
}

/**
 * Writes a recording to the database as it goes: fixes are collected in memory and written
 * together with the day's counters in one transaction (`commit`), topping up the open chunk
 * (`appendToChunks`). Writes never overlap; a failed write keeps its fixes for the next one.
 */
export class TrackWriter {
	#last: FixChunk | undefined;
	#pending: Fix[] = [];
	#gaps: Gap[] = [];
	#patch: RecordingPatch = {};
	#writing: Promise<void> = Promise.resolve();

	private constructor(
		readonly followAlongId: string,
		last: FixChunk | undefined
	) {
		this.#last = last;
	}

	/** Opens a day for writing: after a reload, carries on from the last stored chunk. */
	static async open(followAlongId: string): Promise<TrackWriter> {
		const chunks = await chunksOf(followAlongId);
		return new TrackWriter(followAlongId, chunks[chunks.length - 1]);
	}

	/** Fixes waiting to be written. */
	get pending(): number {
		return this.#pending.length;
	}

	add(fix: Fix, gap: Gap | null = null): void {
		this.#pending.push(fix);
		if (gap) this.#gaps.push(gap);
	}

	/** Day fields to write with the next flush (status, counters, the filter's state). */
	patch(patch: RecordingPatch): void {
		this.#patch = { ...this.#patch, ...patch };
	}

	/** Writes what is waiting, after any write already under way. */
	flush(): Promise<void> {
		const next = this.#writing.then(() => this.#write());
		// The chain goes on after a failure; the caller of this flush still sees it.
		this.#writing = next.catch(() => {});
		return next;
	}

	async #write(): Promise<void> {
		const fixes = this.#pending;
		const gaps = this.#gaps;
		const patch = this.#patch;
		if (fixes.length === 0 && gaps.length === 0 && Object.keys(patch).length === 0) return;
		this.#pending = [];
		this.#gaps = [];
		this.#patch = {};
		try {
			const now = Date.now();
			const rows = appendToChunks(this.followAlongId, this.#last && content(this.#last), fixes);
			const chunks = rows.map((row) =>
				this.#last && row.seq === this.#last.seq
					? fixChunksRepo.touched({
							...this.#last,
							...row,
							updatedAt: Math.max(now, this.#last.updatedAt + 1)
						})
					: fixChunksRepo.prepare(row, now)
			);
			// Read just before writing, so details edited meanwhile on the day's page are kept.
			const day = await followAlongsRepo.require(this.followAlongId);
			const updated: FollowAlong = followAlongsRepo.touched({
				...day,
				...patch,
				fixCount: day.fixCount + fixes.length,
				gaps: [...day.gaps, ...gaps],
				updatedAt: Math.max(now, day.updatedAt + 1)
			});
			await commit([change(fixChunksRepo, chunks), change(followAlongsRepo, [updated])]);
			if (chunks.length > 0) this.#last = chunks[chunks.length - 1];
		} catch (e) {
			// Nothing was written: keep it all (in order) for the next flush.
			this.#pending = [...fixes, ...this.#pending];
			this.#gaps = [...gaps, ...this.#gaps];
			this.#patch = { ...patch, ...this.#patch };
			throw e;
		}
	}
}

function content(chunk: FixChunk): TrackChunk {
	const { followAlongId, seq, count, t, lat, lon, acc, src } = chunk;
	return { followAlongId, seq, count, t, lat, lon, acc, src };
}
