import type { Gap } from '$lib/domain/follow-alongs/follow-along';
import { gapsOf } from '$lib/domain/follow-alongs/gaps';
import { copenhagenDayKey } from '$lib/domain/format/datetime';
import { toGeoJson, toGpx, type ExportStop } from '$lib/domain/tracks/gpx-export';
import {
	insertSketch,
	sketchRoute,
	type SketchPoint,
	type SketchProblem
} from '$lib/domain/tracks/sketch';
import { trackFromFixes, trackToFixes } from '$lib/domain/tracks/track';
import { change, commit } from '$lib/db/commit';
import { stopsOf, trackOf } from '$lib/db/follow-alongs.queries';
import { fixChunksRepo, followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { rewrittenChunks } from './track-chunks.service';
import type { ExportRecords } from '$lib/features/export/export-scan.service';

/** A day's route as a whole: rewriting it (a sketch) and exporting it. */

export class SketchError extends Error {
	override readonly name = 'SketchError';
	constructor(readonly problem: SketchProblem) {
		super(problem.message);
	}
}

/**
 * Puts a drawn route into the day: its points get times (interpolated between the times given)
 * and the source `reconstructed`; recorded fixes inside its time span are replaced. The day, its
 * chunks and its gaps are written together.
 */
export async function saveSketch(
	followAlongId: string,
	points: readonly SketchPoint[],
	now = Date.now()
): Promise<{ fixes: number }> {
	const sketch = sketchRoute(points);
	if (!sketch.ok) throw new SketchError(sketch.problem);
	const day = await followAlongsRepo.require(followAlongId);
	const { track: before } = await trackOf(followAlongId);
	const track = trackFromFixes(insertSketch(trackToFixes(before), sketch.fixes));
	const reasons = new Map(day.gaps.map((g) => [`${g.from}-${g.to}`, g.reason]));
	const gaps: Gap[] = gapsOf(track, 'timeout').map((g) => ({
		...g,
		reason: reasons.get(`${g.from}-${g.to}`) ?? g.reason
	}));
	const chunks = await rewrittenChunks(followAlongId, track, before.count > 0, now);
	const updated = followAlongsRepo.touch(
		day,
		{
			fixCount: track.count,
			gaps,
			startedAt: Math.min(day.startedAt, track.t[0]!),
			endedAt: day.endedAt === null ? null : Math.max(day.endedAt, track.t[track.count - 1]!)
		},
		now
	);
	await commit([change(followAlongsRepo, [updated]), change(fixChunksRepo, chunks)]);
	return { fixes: sketch.fixes.length };
}

export type TrackFormat = 'gpx' | 'geojson';

/** What a route file carries besides positions, for the scan before export: stop names and the code. */
export async function trackExportRecords(followAlongId: string): Promise<ExportRecords> {
	const day = await followAlongsRepo.require(followAlongId);
	const [stops, participant] = await Promise.all([
		stopsOf(followAlongId),
		day.participantId ? participantsRepo.get(day.participantId) : undefined
	]);
	return {
		stops: stops
			.filter((s) => s.status === 'confirmed')
			.map((s) => ({ id: s.id, ownName: s.ownName, arrivedAt: s.arrivedAt })),
		participants: participant ? [{ id: participant.id, code: participant.code }] : []
	};
}

/**
 * The day's route as a file. A raw route identifies a person: the screen warns before calling
 * this. Confirmed stops go along as waypoints (GPX) or points (GeoJSON) with their own name.
 */
export async function trackFile(
	followAlongId: string,
	format: TrackFormat
): Promise<{ filename: string; data: string; type: string }> {
	const day = await followAlongsRepo.require(followAlongId);
	const [{ track }, stops, participant] = await Promise.all([
		trackOf(followAlongId),
		stopsOf(followAlongId),
		day.participantId ? participantsRepo.get(day.participantId) : undefined
	]);
	const exported: ExportStop[] = stops
		.filter((s) => s.status === 'confirmed')
		.map((s) => ({
			arrivedAt: s.arrivedAt,
			departedAt: s.departedAt ?? s.arrivedAt,
			lat: s.lat,
			lon: s.lon,
			name: s.ownName || null
		}));
	const base = ['follow-along', copenhagenDayKey(day.startedAt), participant?.code]
		.filter(Boolean)
		.join('-');
	if (format === 'gpx')
		return {
			filename: `${base}.gpx`,
			data: toGpx(track, { name: base, stops: exported }),
			type: 'application/gpx+xml'
		};
	return {
		filename: `${base}.geojson`,
		data: JSON.stringify(toGeoJson(track, { stops: exported })),
		type: 'application/geo+json'
	};
}
