import type { Gap } from '$lib/domain/follow-alongs/follow-along';
import type { Fix } from '$lib/domain/tracks/fix';
import { isLocked } from '$lib/db/codec';
import { change, commit } from '$lib/db/commit';
import { chunksOf, lastChunkOf } from '$lib/db/follow-alongs.queries';
import { fixChunksRepo, followAlongsRepo, type FixChunk } from '$lib/db/follow-alongs.repo';
import { absorbDropBox, depositFixes } from '$lib/features/vault/drop-box.service';
import { appendedChunks, followAlongAfterWrite, type RecordingPatch } from './track-chunks.service';

/** How often a recording's kept fixes are written: a crash loses at most this long. */
export const FLUSH_EVERY_MS = 5_000;

/**
 * Writes a recording to the database as it goes: fixes are collected in memory and written
 * together with the day's counters in one transaction (`commit`), topping up the open chunk
 * (`appendToChunks`). Writes never overlap; a failed write keeps its fixes for the next one.
 * While the workspace is locked the fixes go into the write-only drop box instead (recording
 * goes on behind the lock screen); the first write after unlocking takes them back first.
 */
export class TrackWriter {
	#last: FixChunk | undefined;
	#pending: Fix[] = [];
	#gaps: Gap[] = [];
	#patch: RecordingPatch = {};
	#writing: Promise<void> = Promise.resolve();
	#deposited = false;

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
			if (isLocked()) {
				await depositFixes({ followAlongId: this.followAlongId, fixes, gaps, patch });
				this.#deposited = true;
				return;
			}
			if (this.#deposited) {
				// What went into the drop box comes first; the chunk in memory is stale after it.
				await absorbDropBox();
				this.#last = await lastChunkOf(this.followAlongId);
				this.#deposited = false;
			}
			const now = Date.now();
			const chunks = appendedChunks(this.followAlongId, this.#last, fixes, now);
			// Read just before writing, so details edited meanwhile on the day's page are kept.
			const day = await followAlongsRepo.require(this.followAlongId);
			const updated = followAlongAfterWrite(day, fixes.length, gaps, patch, now);
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
