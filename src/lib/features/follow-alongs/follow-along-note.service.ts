import { snapToCell } from '$lib/domain/geo/cells';
import { neighbourhoodAt, NEIGHBOURHOOD_KEYS, type Outlines } from '$lib/domain/neighbourhoods';
import { applyConsent } from '$lib/domain/notes/consent';
import { TrackTimeline } from '$lib/domain/tracks/timeline';
import { indexAtOrBefore } from '$lib/domain/tracks/track';
import { currentOutlines } from '$lib/db/boundaries.repo';
import { stopsOf, trackOf } from '$lib/db/follow-alongs.queries';
import { followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { getSettings } from '$lib/db/settings.repo';
import type { DraftFields } from '$lib/features/notes/note-draft.svelte';
import { recorder } from './recorder.svelte';

/** A route position this far from the moment is too old to say where a note was written. */
const NEAR_MS = 5 * 60_000;

/**
 * What a new note written during (or about) a follow-along starts with: the day, the moment, the
 * participant, and the place on the route at that moment snapped to a grid cell at once (the raw
 * position is never kept), as far as the participant's consent allows.
 */
export async function followAlongNoteDefaults(
	followAlongId: string,
	at = Date.now()
): Promise<Partial<DraftFields>> {
	const day = await followAlongsRepo.get(followAlongId);
	if (!day) return { followAlongId };
	const participant = day.participantId ? await participantsRepo.get(day.participantId) : undefined;
	const people = participant ? [participant] : [];
	const position =
		recorder.positionAt(followAlongId, at) ?? (await routePosition(followAlongId, at));
	const settings = await getSettings();
	const location = position
		? snapToCell(position.lat, position.lon, settings.noteCellResolution)
		: null;
	const neighbourhood =
		day.neighbourhood ??
		(location ? neighbourhoodAt(location.lon, location.lat, await outlines()) : null);
	const allowed = applyConsent({ location, neighbourhood }, people);
	return {
		followAlongId,
		observedAt: at,
		// A withdrawn participant is never added to a new note.
		participantIds: participant && participant.withdrawnAt === null ? [participant.id] : [],
		location: allowed.location,
		neighbourhood: allowed.neighbourhood
	};
}

/** Where the stored route (or a stop) puts the day at a moment, if anywhere near it. */
async function routePosition(followAlongId: string, at: number) {
	const [{ track }, stops] = await Promise.all([trackOf(followAlongId), stopsOf(followAlongId)]);
	const stop = stops.find((s) => s.arrivedAt <= at && at <= (s.departedAt ?? Infinity));
	if (stop) return { lat: stop.lat, lon: stop.lon };
	const exact = new TrackTimeline(track).positionAt(at);
	if (exact) return exact;
	const i = indexAtOrBefore(track, at);
	if (i >= 0 && at - track.t[i]! <= NEAR_MS) return { lat: track.lat[i]!, lon: track.lon[i]! };
	return null;
}

async function outlines(): Promise<Outlines> {
	const info = await currentOutlines();
	return Object.fromEntries(NEIGHBOURHOOD_KEYS.map((k) => [k, info[k].geometry])) as Outlines;
}
