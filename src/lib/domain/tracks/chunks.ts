import { z } from 'zod';
import { Id } from '../records/record';
import { base64ToFloat32, base64ToFloat64, base64ToUint8, columnToBase64 } from './base64';
import type { Fix } from './fix';
import {
	checkTrack,
	concatTracks,
	createTrack,
	sliceTrack,
	trackFromFixes,
	type Track
} from './track';

/**
 * Fixes are stored in chunks: one row per up to `CHUNK_SIZE` fixes, each field a typed array
 * (IndexedDB stores typed arrays natively through structured clone). A day at 1 Hz (36,000
 * fixes) is 9 rows, a 100,000-point import 25 rows, instead of one row per fix.
 */
export const CHUNK_SIZE = 4096;

const Seq = z.number().int().min(0).max(1_000_000);

/**
 * The content of a stored chunk: fixes `seq * CHUNK_SIZE …` of one follow-along, in time order.
 * The refinement checks every value (lengths, ranges, time order, source codes).
 */
export const TrackChunk = z
	.object({
		followAlongId: Id,
		seq: Seq,
		count: z.number().int().min(0).max(CHUNK_SIZE),
		t: z.instanceof(Float64Array),
		lat: z.instanceof(Float64Array),
		lon: z.instanceof(Float64Array),
		acc: z.instanceof(Float32Array),
		src: z.instanceof(Uint8Array)
	})
	.superRefine((chunk, ctx) => {
		const problem = checkTrack(chunk);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	});
export type TrackChunk = z.infer<typeof TrackChunk>;

/** A chunk in JSON-safe form for backups: each column as base64 of its little-endian bytes. */
export const EncodedTrackChunk = z.object({
	followAlongId: Id,
	seq: Seq,
	count: z.number().int().min(0).max(CHUNK_SIZE),
	t: z.string().max(CHUNK_SIZE * 12),
	lat: z.string().max(CHUNK_SIZE * 12),
	lon: z.string().max(CHUNK_SIZE * 12),
	acc: z.string().max(CHUNK_SIZE * 6),
	src: z.string().max(CHUNK_SIZE * 2)
});
export type EncodedTrackChunk = z.infer<typeof EncodedTrackChunk>;

function toTrack(fixes: Track | readonly Fix[]): Track {
	return Array.isArray(fixes) ? trackFromFixes(fixes as readonly Fix[]) : (fixes as Track);
}

/**
 * Splits a track into chunks numbered from `firstSeq`. Every chunk gets its own buffers:
 * structured clone copies a typed array's whole underlying buffer, so a view into a big array
 * would store all of it in every row (HTML spec, StructuredSerializeInternal, ArrayBufferView).
 */
export function packChunks(
	followAlongId: string,
	fixes: Track | readonly Fix[],
	firstSeq = 0,
	chunkSize = CHUNK_SIZE
): TrackChunk[] {
	const track = toTrack(fixes);
	const chunks: TrackChunk[] = [];
	for (let from = 0, seq = firstSeq; from < track.count; from += chunkSize, seq++) {
		chunks.push({ followAlongId, seq, ...sliceTrack(track, from, from + chunkSize) });
	}
	return chunks;
}

/**
 * Adds fixes to a stored track whose last chunk is `last` (undefined when nothing is stored):
 * returns the rows to put, the grown last chunk first, then new ones. Live recording flushes
 * every few seconds; topping up the open chunk keeps a day at a few dozen rows instead of a row
 * per flush.
 */
export function appendToChunks(
	followAlongId: string,
	last: TrackChunk | undefined,
	fixes: Track | readonly Fix[],
	chunkSize = CHUNK_SIZE
): TrackChunk[] {
	const added = toTrack(fixes);
	if (added.count === 0) return [];
	if (last && last.followAlongId !== followAlongId)
		throw new Error('last chunk belongs to another follow-along');
	if (!last || last.count >= chunkSize) {
		return packChunks(followAlongId, added, last ? last.seq + 1 : 0, chunkSize);
	}
	if (last.count > 0 && added.t[0]! < last.t[last.count - 1]!)
		throw new RangeError('appended fixes are older than the stored ones');
	return packChunks(followAlongId, concatTracks([last, added]), last.seq, chunkSize);
}

/**
 * The whole track from its chunks, in `seq` order whatever order they come in. Throws when the
 * chunks belong to different follow-alongs, a `seq` repeats, or times go backwards across
 * chunks: a track is never silently mis-assembled.
 */
export function unpackChunks(chunks: readonly TrackChunk[]): Track {
	if (chunks.length === 0) return createTrack(0);
	const sorted = [...chunks].sort((a, b) => a.seq - b.seq);
	const id = sorted[0]!.followAlongId;
	for (let k = 0; k < sorted.length; k++) {
		const c = sorted[k]!;
		if (c.followAlongId !== id) throw new Error('chunks of different follow-alongs');
		const prev = sorted[k - 1];
		if (prev && prev.seq === c.seq) throw new Error(`chunk seq ${c.seq} appears twice`);
		if (prev && prev.count > 0 && c.count > 0 && c.t[0]! < prev.t[prev.count - 1]!)
			throw new RangeError(`chunk ${c.seq} starts before chunk ${prev.seq} ends`);
	}
	return concatTracks(sorted);
}

export function encodeChunk(chunk: TrackChunk): EncodedTrackChunk {
	return {
		followAlongId: chunk.followAlongId,
		seq: chunk.seq,
		count: chunk.count,
		t: columnToBase64(chunk.t),
		lat: columnToBase64(chunk.lat),
		lon: columnToBase64(chunk.lon),
		acc: columnToBase64(chunk.acc),
		src: columnToBase64(chunk.src)
	};
}

/** Reads a chunk from a backup. Throws (ZodError or SyntaxError) on anything malformed. */
export function decodeChunk(input: unknown): TrackChunk {
	const e = EncodedTrackChunk.parse(input);
	return TrackChunk.parse({
		followAlongId: e.followAlongId,
		seq: e.seq,
		count: e.count,
		t: base64ToFloat64(e.t),
		lat: base64ToFloat64(e.lat),
		lon: base64ToFloat64(e.lon),
		acc: base64ToFloat32(e.acc),
		src: base64ToUint8(e.src)
	});
}
