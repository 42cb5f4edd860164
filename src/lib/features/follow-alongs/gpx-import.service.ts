import { fillTrack } from '$lib/domain/follow-alongs/fill';
import { gapsOf } from '$lib/domain/follow-alongs/gaps';
import type { NeighbourhoodKey, Outlines } from '$lib/domain/neighbourhoods';
import {
	checkFieldArea,
	leavesFieldArea,
	trimToFieldArea,
	type FieldAreaCheck
} from '$lib/domain/tracks/field-area';
import { movingDistance } from '$lib/domain/tracks/summary';
import { placeWaypoints } from '$lib/domain/tracks/waypoints';
import {
	checkGpxSize,
	type GpxImport,
	type GpxProblem,
	type GpxResult
} from '$lib/domain/tracks/gpx';
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
	/** Metres moved between stops: the day summary's figure, not the length of the whole file. */
	movedM: number;
	skippedPoints: number;
	stopsProposed: number;
	/** The file's waypoints: offered as stops to confirm (or naming a detected one), or left out. */
	waypoints: { offered: number; leftOut: number };
	/** Fixes left out by trimming to the field area. */
	trimmed: number;
	/** Most of the track lies outside the three neighbourhoods (its times are still Copenhagen's). */
	outsideFieldArea: boolean;
}

export async function storeGpxImport(
	gpx: GpxImport,
	target: ImportTarget,
	settings: DetectSettings,
	outlines: Outlines,
	now = Date.now(),
	trimmed = 0
): Promise<ImportResult> {
	const existing = target.followAlongId
		? await followAlongsRepo.require(target.followAlongId)
		: undefined;
	await assertMayRecord(existing ? existing.participantId : (target.participantId ?? null));
	const base = existing ? (await trackOf(existing.id)).track : undefined;
	const track = base ? fillTrack(base, gpx.track) : gpx.track;
	const area = checkFieldArea(gpx.track, outlines);
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
					// Suggested from the track: where most of it is.
					neighbourhood: target.neighbourhood ?? area.neighbourhood,
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
	const found = proposalsFor(day.id, track, stops, settings, now);
	const { retired } = found;
	// Waypoints name the detected stop they fall in, or become stops to confirm of their own.
	const plan = placeWaypoints(
		track,
		gpx.waypoints,
		found.proposals.map((p) => ({ ...span(p), lat: p.lat, lon: p.lon }))
	);
	const proposals = found.proposals.map((p, i) => {
		const name = plan.names.find((n) => n.stop === i)?.name;
		return name ? { ...p, ownName: name } : p;
	});
	const marked = plan.stops.map((w) =>
		stopsRepo.prepare(
			{
				followAlongId: day.id,
				arrivedAt: w.at,
				departedAt: w.at,
				lat: w.lat,
				lon: w.lon,
				source: 'waypoint',
				status: 'proposed',
				ownName: w.name
			},
			now
		)
	);
	await commit([
		change(followAlongsRepo, [day]),
		change(fixChunksRepo, chunks),
		change(stopsRepo, [...proposals, ...marked, ...retired])
	]);
	for (const r of retired) await stopsRepo.purge(r.id).catch(() => {});
	const kept = stops.filter((s) => !retired.some((r) => r.id === s.id));
	return {
		followAlongId: day.id,
		pointCount: gpx.pointCount,
		added: track.count - (base?.count ?? 0),
		durationMs: gpx.durationMs,
		movedM: movingDistance(track, [...kept, ...proposals, ...marked].map(span)),
		skippedPoints: gpx.skippedPoints,
		stopsProposed: proposals.length + marked.length,
		waypoints: { offered: plan.names.length + plan.stops.length, leftOut: plan.leftOut },
		trimmed,
		outsideFieldArea: area.inside * 2 < area.total
	};
}

function span(s: { arrivedAt: number; departedAt: number | null }) {
	return { arrivedAt: s.arrivedAt, departedAt: s.departedAt ?? s.arrivedAt };
}

/** Reads GPX bytes into a track: the Web Worker in the app, `readGpx` directly in tests. */
export type GpxReader = (
	bytes: ArrayBuffer,
	onProgress?: (fraction: number) => void
) => Promise<GpxResult>;

export type ImportOutcome =
	| { ok: true; result: ImportResult }
	| { ok: false; problem: GpxProblem; cancelled?: undefined }
	/** The track left the field area and the user chose not to import it. */
	| { ok: false; cancelled: true; problem?: undefined };

/** What to do with a track that leaves the field area: asked of the user before anything is stored. */
export type FieldAreaChoice = 'trim' | 'keep' | 'cancel';
export type FieldAreaQuestion = (check: FieldAreaCheck) => Promise<FieldAreaChoice>;

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
	onProgress?: (fraction: number) => void,
	ask: FieldAreaQuestion = async () => 'keep'
): Promise<ImportOutcome> {
	const tooLarge = checkGpxSize(file.size);
	if (tooLarge) return { ok: false, problem: tooLarge };
	const started = performance.now();
	const parsed = await read(await file.arrayBuffer(), onProgress);
	if (!parsed.ok) return parsed;
	let gpx = parsed.value;
	let trimmed = 0;
	const area = checkFieldArea(gpx.track, outlines);
	if (leavesFieldArea(area)) {
		const choice = await ask(area);
		if (choice === 'cancel') return { ok: false, cancelled: true };
		if (choice === 'trim') {
			const track = trimToFieldArea(gpx.track, outlines);
			if (track.count < 2) return { ok: false, cancelled: true };
			trimmed = gpx.track.count - track.count;
			const [start, end] = [track.t[0]!, track.t[track.count - 1]!];
			gpx = { ...gpx, track, pointCount: track.count, start, end, durationMs: end - start };
		}
	}
	const result = await storeGpxImport(gpx, target, settings, outlines, Date.now(), trimmed);
	// On the performance timeline, for the import benchmark (bench/browser/follow-import.bench.ts).
	performance.measure('stedsans:gpx-import', {
		start: started,
		end: performance.now(),
		detail: { points: result.pointCount }
	});
	return { ok: true, result };
}
