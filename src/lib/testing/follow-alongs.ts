import type { Consent } from '$lib/domain/participants/participant';
import { packChunks } from '$lib/domain/tracks/chunks';
import { GAP_BEFORE, SOURCE_CODE } from '$lib/domain/tracks/fix';
import { createTrack, type Track } from '$lib/domain/tracks/track';
import { change, commit } from '$lib/db/commit';
import { fixChunksRepo, followAlongsRepo, stopsRepo } from '$lib/db/follow-alongs.repo';
import { participantsRepo, type Participant } from '$lib/db/participants.repo';

/** Small builders for the follow-along service tests. */

export const T0 = Date.UTC(2026, 2, 3, 8, 0);

export function participant(
	code: string,
	consent: Partial<Consent> = {},
	withdrawnAt: number | null = null
): Promise<Participant> {
	return participantsRepo.create({
		code,
		neighbourhood: 'vesterbro',
		consent: { location: 'cell', followAlong: true, aggregate: true, ...consent },
		withdrawnAt
	});
}

/** A walk north from Halmtorvet: one fix a second, about 1.2 m apart. */
export function walk(from: number, seconds: number, start = T0) {
	return Array.from({ length: seconds }, (_, k) => ({
		t: start + (from + k) * 1000,
		lat: 55.6703 + (from + k) * 0.0000108,
		lon: 12.5598,
		acc: 6,
		src: 'gps' as const
	}));
}

export const SPOT = { lat: 55.662, lon: 12.545 };

/** 30 minutes at a spot, a fix every 10 s, with a gap flagged before fix 100. */
export function stayTrack(start: number, at = SPOT, src: number = SOURCE_CODE.gps): Track {
	const n = 181;
	const track = createTrack(n);
	for (let i = 0; i < n; i++) {
		track.t[i] = start + i * 10_000;
		track.lat[i] = at.lat + (i % 3) * 1e-6;
		track.lon[i] = at.lon;
		track.acc[i] = 8;
		track.src[i] = src | (i === 100 ? GAP_BEFORE : 0);
	}
	return track;
}

/** A stored follow-along day with its chunks (several, to check they are joined in order). */
export async function storedDay(participantId: string, start: number, track = stayTrack(start)) {
	const day = followAlongsRepo.prepare({
		participantId,
		status: 'ended',
		startedAt: start,
		endedAt: start + 30 * 60_000,
		fixCount: track.count
	});
	const chunks = packChunks(day.id, track, 0, 64).map((c) => fixChunksRepo.prepare(c));
	const stop = stopsRepo.prepare({
		followAlongId: day.id,
		arrivedAt: start + 60_000,
		departedAt: start + 10 * 60_000,
		lat: track.lat[0]!,
		lon: track.lon[0]!,
		source: 'detected'
	});
	await commit([
		change(followAlongsRepo, [day]),
		change(fixChunksRepo, chunks.reverse()),
		change(stopsRepo, [stop])
	]);
	return { day, track, stop };
}
