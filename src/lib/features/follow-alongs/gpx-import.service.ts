import { fillTrack } from '$lib/domain/follow-alongs/fill';
import { gapsOf } from '$lib/domain/follow-alongs/gaps';
import type { NeighbourhoodKey, Outlines } from '$lib/domain/neighbourhoods';
import { neighbourhoodAt } from '$lib/domain/neighbourhoods';
import {
	checkGpxSize,
	type GpxImport,
	type GpxProblem,
	type GpxResult
} from '$lib/domain/tracks/gpx';
import type { Track } from '$lib/domain/tracks/track';
import { change, commit } from '$lib/db/commit';
import { stopsOf, trackOf } from '$lib/db/follow-alongs.queries';
import {
	fixChunksRepo,
	followAlongsRepo,
	stopsRepo,
	type FollowAlong
} from '$lib/db/follow-alongs.repo';
import { assertMayRecord } from './follow-alongs.service';
import { rewrittenChunks } from './track-chunks.service';
import { proposalsFor, type DetectSettings } from './stops.service';

/**
 * Stores a parsed GPX file (see workers/gpx-client.ts for the reading): as a new follow-along
 * day, or filling the holes of an existing one. Everything — the day, its fixes in chunks and
 * the stops detection proposes — is written in one transaction, or nothing is.
 */

export interface ImportTarget {
	/** Fill this day; without it a new day is created. */
	followAlongId?: string;
	/** For a new day: whose day it was (their consent must allow a recorded route). */
	participantId?: string | null;
	neighbourhood?: NeighbourhoodKey | null;
}

export interface ImportResult {
	followAlongId: string;
	pointCount: number;
	/** Points of the file that were added (less than pointCount when filling a recorded day). */
	added: number;
	durationMs: number;
	distanceM: number;
	skippedPoints: number;
	stopsProposed: number;
}

export async function storeGpxImport(
	gpx: GpxImport,
	target: ImportTarget,
	settings: DetectSettings,
	outlines: Outlines,
	now = Date.now()
): Promise<ImportResult> {
	const existing = target.followAlongId
		? await followAlongsRepo.require(target.followAlongId)
		: undefined;
	await assertMayRecord(existing ? existing.participantId : (target.participantId ?? null));
	const base = existing ? (await trackOf(existing.id)).track : undefined;
	const track = base ? fillTrack(base, gpx.track) : gpx.track;
	const start = track.t[0]!;
	const end = track.t[track.count - 1]!;

	const day: FollowAlong = existing
		? followAlongsRepo.touch(
				existing,
				{
					routeSource: existing.routeSource === 'sketch' ? 'imported' : existing.routeSource,
					startedAt: Math.min(existing.startedAt, start),
					endedAt:
						existing.status === 'ended' ? Math.max(existing.endedAt ?? end, end) : existing.endedAt,
					fixCount: track.count,
					gaps: gapsOf(track, 'import')
				},
				now
			)
		: followAlongsRepo.prepare(
				{
					participantId: target.participantId ?? null,
					neighbourhood: target.neighbourhood ?? neighbourhoodOf(track, outlines),
					routeSource: 'imported',
					status: 'ended',
					startedAt: start,
					endedAt: end,
					fixCount: track.count,
					gaps: gapsOf(track, 'import')
				},
				now
			);

	const chunks = await rewrittenChunks(day.id, track, existing !== undefined, now);
	const stops = existing ? await stopsOf(existing.id) : [];
	const { proposals, retired } = proposalsFor(day.id, track, stops, settings, now);
	await commit([
		change(followAlongsRepo, [day]),
		change(fixChunksRepo, chunks),
		change(stopsRepo, [...proposals, ...retired])
	]);
	for (const r of retired) await stopsRepo.purge(r.id).catch(() => {});
	return {
		followAlongId: day.id,
		pointCount: gpx.pointCount,
		added: track.count - (base?.count ?? 0),
		durationMs: gpx.durationMs,
		distanceM: gpx.distanceM,
		skippedPoints: gpx.skippedPoints,
		stopsProposed: proposals.length
	};
}

/** The neighbourhood the most fixes fall in (sampled), or null outside all three. */
function neighbourhoodOf(track: Track, outlines: Outlines): NeighbourhoodKey | null {
	const counts = new Map<NeighbourhoodKey, number>();
	const step = Math.max(1, Math.floor(track.count / 200));
	for (let i = 0; i < track.count; i += step) {
		const nb = neighbourhoodAt(track.lon[i]!, track.lat[i]!, outlines);
		if (nb) counts.set(nb, (counts.get(nb) ?? 0) + 1);
	}
	let best: NeighbourhoodKey | null = null;
	for (const [nb, n] of counts) if (!best || n > counts.get(best)!) best = nb;
	return best;
}

/** Reads GPX bytes into a track: the Web Worker in the app, `readGpx` directly in tests. */
export type GpxReader = (
	bytes: ArrayBuffer,
	onProgress?: (fraction: number) => void
) => Promise<GpxResult>;

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; problem: GpxProblem };

/**
 * A file from the user to a stored day: the size is checked before anything is read, any problem
 * with the file is returned (and nothing written), and a good file is stored all at once.
 */
export async function importGpx(
	file: Pick<Blob, 'size' | 'arrayBuffer'>,
	target: ImportTarget,
	settings: DetectSettings,
	outlines: Outlines,
	read: GpxReader,
	onProgress?: (fraction: number) => void
): Promise<ImportOutcome> {
	const tooLarge = checkGpxSize(file.size);
	if (tooLarge) return { ok: false, problem: tooLarge };
	const started = performance.now();
	const parsed = await read(await file.arrayBuffer(), onProgress);
	if (!parsed.ok) return parsed;
	const result = await storeGpxImport(parsed.value, target, settings, outlines);
	// On the performance timeline, for the import benchmark (bench/browser/follow-import.bench.ts).
	performance.measure('stedsans:gpx-import', {
		start: started,
		end: performance.now(),
		detail: { points: result.pointCount }
	});
	return { ok: true, result };
}
