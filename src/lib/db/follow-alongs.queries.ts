import { unpackChunks } from '$lib/domain/tracks/chunks';
import type { Track } from '$lib/domain/tracks/track';
import {
	fixChunksRepo,
	followAlongsRepo,
	stopsRepo,
	type FixChunk,
	type FollowAlong,
	type Stop
} from './follow-alongs.repo';
import { notesRepo, type Note } from './notes.repo';
import { db } from './workspace';
import type { Row } from './db';
import { indexKey, indexKeys } from './index-key';

/**
 * Reads of one follow-along day and its parts (chunks, stops, notes) through their indexes.
 * Only live records: parts in the trash (a deleted stop, chunks replaced by a sketch) are left out.
 */

/** The day's chunks in `seq` order. */
export async function chunksOf(followAlongId: string): Promise<FixChunk[]> {
	return fixChunksRepo.live(await chunkRowsOf(followAlongId));
}

/**
 * The day's last live chunk (the one a recording tops up next): read from the last back, until
 * one not in the trash (the trash mark is sealed; usually the first opened is live).
 */
export async function lastChunkOf(followAlongId: string): Promise<FixChunk | undefined> {
	const rows = await chunkRowsOf(followAlongId);
	for (let i = rows.length - 1; i >= 0; i--) {
		const chunk = await fixChunksRepo.fromRow(rows[i]!);
		if (chunk.deletedAt === null) return chunk;
	}
	return undefined;
}

/** The whole route, and the chunk a recording tops up next (undefined before the first fix). */
export async function trackOf(
	followAlongId: string
): Promise<{ track: Track; chunks: FixChunk[]; last: FixChunk | undefined }> {
	const chunks = await chunksOf(followAlongId);
	return { track: unpackChunks(chunks), chunks, last: chunks[chunks.length - 1] };
}

export async function stopsOf(followAlongId: string): Promise<Stop[]> {
	const stops = await stopsRepo.live(await stopRowsOf(followAlongId));
	return stops.sort((a, b) => a.arrivedAt - b.arrivedAt);
}

/** Notes attached to the day, in the order they were observed. */
export async function notesOf(followAlongId: string): Promise<Note[]> {
	const notes = await notesRepo.live(await noteRowsOf(followAlongId));
	return notes.sort((a, b) => a.observedAt - b.observedAt);
}

/** The day being followed now (recording or paused), if any: one at a time. */
export async function activeFollowAlong(): Promise<FollowAlong | undefined> {
	const days = await followAlongsRepo.live(await db().followAlongs.toArray());
	return days.filter((d) => d.status !== 'ended').sort((a, b) => b.startedAt - a.startedAt)[0];
}

/** Every live day, newest first. */
export async function listFollowAlongs(): Promise<FollowAlong[]> {
	return newestFirst(await followAlongsRepo.live(await db().followAlongs.toArray()));
}

/**
 * The live chunks and stops of several days in two index reads (the heatmap reads a whole
 * study this way, a batch of days at a time), grouped by day; chunks in `seq` order.
 */
export async function partsOfDays(
	followAlongIds: readonly string[]
): Promise<Map<string, { chunks: FixChunk[]; stops: Stop[] }>> {
	const ids = [...followAlongIds];
	const keys = indexKeys(ids);
	const [chunkRows, stopRows] = await Promise.all([
		db().fixChunks.where('followAlongId').anyOf(keys).toArray(),
		db().stops.where('followAlongId').anyOf(keys).toArray()
	]);
	const [chunks, stops] = await Promise.all([
		fixChunksRepo.live(chunkRows),
		stopsRepo.live(stopRows)
	]);
	const out = new Map(ids.map((id) => [id, { chunks: [] as FixChunk[], stops: [] as Stop[] }]));
	for (const c of chunks) out.get(c.followAlongId)?.chunks.push(c);
	for (const s of stops) out.get(s.followAlongId)?.stops.push(s);
	for (const parts of out.values()) parts.chunks.sort((a, b) => a.seq - b.seq);
	return out;
}

/*
 * Row reads for live state (features/follow-alongs/*.svelte.ts). They return stored rows, trash
 * included, and do nothing else: a live query's querier may do no other async work (Dexie's rule),
 * so decoding and the trash filter happen after, outside it.
 */

/** The follow-along's row. */
export function followAlongRow(id: string): Promise<Row | undefined> {
	return db().followAlongs.get(id);
}

/** Every follow-along's row (in no order: the start time is sealed; see `newestFirst`). */
export function followAlongRows(): Promise<Row[]> {
	return db().followAlongs.toArray();
}

/** Days, the newest start first. */
export function newestFirst(days: FollowAlong[]): FollowAlong[] {
	return days.sort((a, b) => b.startedAt - a.startedAt);
}

/** The follow-along's chunk rows in `seq` order. */
export function chunkRowsOf(followAlongId: string): Promise<Row[]> {
	const key = indexKey(followAlongId);
	return db().fixChunks.where('[followAlongId+seq]').between([key, 0], [key, Infinity]).toArray();
}

/** The follow-along's stop rows. */
export function stopRowsOf(followAlongId: string): Promise<Row[]> {
	return db().stops.where('followAlongId').equals(indexKey(followAlongId)).toArray();
}

/** The rows of the notes written during the follow-along. */
export function noteRowsOf(followAlongId: string): Promise<Row[]> {
	return db().notes.where('followAlongId').equals(indexKey(followAlongId)).toArray();
}

/** Every stop row, of every follow-along. */
export function allStopRows(): Promise<Row[]> {
	return db().stops.toArray();
}

/** The rows of every note written during some follow-along. */
export function followAlongNoteRows(): Promise<Row[]> {
	return db().notes.where('followAlongId').above('').toArray();
}
