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

/**
 * Reads of one follow-along day and its parts (chunks, stops, notes) through their indexes.
 * Only live records: parts in the trash (a deleted stop, chunks replaced by a sketch) are left out.
 */

/** The day's chunks in `seq` order. */
export async function chunksOf(followAlongId: string): Promise<FixChunk[]> {
	const rows = await chunkRowsOf(followAlongId);
	return fixChunksRepo.fromRows(rows.filter((r) => r.deletedAt === null));
}

/** The day's last live chunk (the one a recording tops up next), read alone. */
export async function lastChunkOf(followAlongId: string): Promise<FixChunk | undefined> {
	const row = await db()
		.fixChunks.where('[followAlongId+seq]')
		.between([followAlongId, 0], [followAlongId, Infinity])
		.reverse()
		.filter((r) => r.deletedAt === null)
		.first();
	return row ? fixChunksRepo.fromRow(row) : undefined;
}

/** The whole route, and the chunk a recording tops up next (undefined before the first fix). */
export async function trackOf(
	followAlongId: string
): Promise<{ track: Track; chunks: FixChunk[]; last: FixChunk | undefined }> {
	const chunks = await chunksOf(followAlongId);
	return { track: unpackChunks(chunks), chunks, last: chunks[chunks.length - 1] };
}

export async function stopsOf(followAlongId: string): Promise<Stop[]> {
	const rows = await stopRowsOf(followAlongId);
	const stops = await stopsRepo.fromRows(rows.filter((r) => r.deletedAt === null));
	return stops.sort((a, b) => a.arrivedAt - b.arrivedAt);
}

/** Notes attached to the day, in the order they were observed. */
export async function notesOf(followAlongId: string): Promise<Note[]> {
	const rows = await noteRowsOf(followAlongId);
	const notes = await notesRepo.fromRows(rows.filter((r) => r.deletedAt === null));
	return notes.sort((a, b) => a.observedAt - b.observedAt);
}

/** The day being followed now (recording or paused), if any: one at a time. */
export async function activeFollowAlong(): Promise<FollowAlong | undefined> {
	const rows = await db()
		.followAlongs.filter((r) => r.deletedAt === null)
		.toArray();
	const days = await followAlongsRepo.fromRows(rows);
	return days.filter((d) => d.status !== 'ended').sort((a, b) => b.startedAt - a.startedAt)[0];
}

/** Every live day, newest first. */
export async function listFollowAlongs(): Promise<FollowAlong[]> {
	const rows = await followAlongRowsNewestFirst();
	return followAlongsRepo.fromRows(rows.filter((r) => r.deletedAt === null));
}

/**
 * The live chunks and stops of several days in two index reads (the heatmap reads a whole
 * study this way, a batch of days at a time), grouped by day; chunks in `seq` order.
 */
export async function partsOfDays(
	followAlongIds: readonly string[]
): Promise<Map<string, { chunks: FixChunk[]; stops: Stop[] }>> {
	const ids = [...followAlongIds];
	const [chunkRows, stopRows] = await Promise.all([
		db().fixChunks.where('followAlongId').anyOf(ids).toArray(),
		db().stops.where('followAlongId').anyOf(ids).toArray()
	]);
	const [chunks, stops] = await Promise.all([
		fixChunksRepo.fromRows(chunkRows.filter((r) => r.deletedAt === null)),
		stopsRepo.fromRows(stopRows.filter((r) => r.deletedAt === null))
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

/** Every follow-along's row, the newest start first. */
export function followAlongRowsNewestFirst(): Promise<Row[]> {
	return db().followAlongs.orderBy('startedAt').reverse().toArray();
}

/** The follow-along's chunk rows in `seq` order. */
export function chunkRowsOf(followAlongId: string): Promise<Row[]> {
	return db()
		.fixChunks.where('[followAlongId+seq]')
		.between([followAlongId, 0], [followAlongId, Infinity])
		.toArray();
}

/** The follow-along's stop rows. */
export function stopRowsOf(followAlongId: string): Promise<Row[]> {
	return db().stops.where('followAlongId').equals(followAlongId).toArray();
}

/** The rows of the notes written during the follow-along. */
export function noteRowsOf(followAlongId: string): Promise<Row[]> {
	return db().notes.where('followAlongId').equals(followAlongId).toArray();
}

/** Every stop row, of every follow-along. */
export function allStopRows(): Promise<Row[]> {
	return db().stops.toArray();
}

/** The rows of every note written during some follow-along. */
export function followAlongNoteRows(): Promise<Row[]> {
	return db().notes.where('followAlongId').above('').toArray();
}
