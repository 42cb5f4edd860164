import { timeSpent, type TimeSpent } from '$lib/domain/places/links';
import {
	followAlongsRepo,
	stopsRepo,
	type FollowAlong,
	type Stop
} from '$lib/db/follow-alongs.repo';
import { notesRepo, type Note } from '$lib/db/notes.repo';
import { indexKeys } from '$lib/db/index-key';
import { db } from '$lib/db/workspace';

export interface PlaceBacklinks {
	notes: Note[];
	stops: Stop[];
	followAlongs: FollowAlong[];
	time: TimeSpent;
}

/**
 * Everything that refers to a place (give it the ids of places merged into it too): notes that
 * link or mention it, stops at it, the follow-alongs those stops belong to, and the time spent
 * there. Deleted records are left out.
 */
export async function placeBacklinks(placeIds: readonly string[]): Promise<PlaceBacklinks> {
	const ids = new Set(placeIds);
	const notes = (await notesRepo.list())
		.filter((n) => n.placeIds.some((id) => ids.has(id)))
		.sort((a, b) => b.observedAt - a.observedAt);
	const stopRows = await db()
		.stops.where('placeId')
		.anyOf(indexKeys([...ids]))
		.toArray();
	const stops = (await stopsRepo.live(stopRows)).sort((a, b) => b.arrivedAt - a.arrivedAt);
	const followIds = [...new Set(stops.map((s) => s.followAlongId))];
	const followAlongs = (await followAlongsRepo.getMany(followIds)).filter(
		(f): f is FollowAlong => f !== undefined && f.deletedAt === null
	);
	const live = new Set(followAlongs.map((f) => f.id));
	const liveStops = stops.filter((s) => live.has(s.followAlongId));
	return { notes, stops: liveStops, followAlongs, time: timeSpent(liveStops) };
}
