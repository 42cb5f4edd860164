import {
	mergePlaces,
	rewriteLinks,
	type ChoosableField,
	type Side
} from '$lib/domain/places/merge';
import { redirectPlaceMentions } from '$lib/domain/places/links';
import { docToText } from '$lib/domain/notes/doc';
import { change, commit, type Change } from '$lib/db/commit';
import { notesRepo } from '$lib/db/notes.repo';
import { placesRepo } from '$lib/db/places.repo';
import { stopsRepo } from '$lib/db/follow-alongs.repo';
import { indexKey } from '$lib/db/index-key';
import { db } from '$lib/db/workspace';
import { prepareEdit } from './places.service';

export interface MergeOutcome {
	notes: number;
	stops: number;
}

/** Preview of a merge: what the kept place will look like and why, before anything is written. */
export async function previewMerge(
	keptId: string,
	otherId: string,
	prefer: Partial<Record<ChoosableField, Side>> = {}
) {
	const [kept, other] = [await placesRepo.require(keptId), await placesRepo.require(otherId)];
	return { kept, other, result: mergePlaces(kept, other, prefer) };
}

/**
 * Merges a duplicate into the place that stays, in one transaction: the kept place gets the
 * combined content, the duplicate points at it (`mergedInto`, so its history stays readable),
 * both changes are recorded as revisions, and every note (`placeIds` and `#` mentions) and stop
 * that linked to the duplicate links to the kept place.
 */
export async function mergePlacesInto(
	keptId: string,
	otherId: string,
	prefer: Partial<Record<ChoosableField, Side>> = {}
): Promise<MergeOutcome> {
	const { kept, other, result } = await previewMerge(keptId, otherId, prefer);
	const now = Date.now();
	const changes: Change[] = [];
	for (const [place, content] of [
		[kept, result.kept],
		[other, result.merged]
	] as const) {
		const edit = prepareEdit(place, content, now);
		if (edit) changes.push(...edit.changes);
	}

	const redirects = new Map(Object.entries(result.idMap));
	const notes = (await notesRepo.list()).flatMap((note) => {
		const doc = redirectPlaceMentions(note.doc, redirects);
		const linked = note.placeIds.some((id) => redirects.has(id));
		if (doc === note.doc && !linked) return [];
		return [
			notesRepo.touch(
				note,
				{ doc, text: docToText(doc), placeIds: rewriteLinks(note.placeIds, redirects) },
				now
			)
		];
	});
	const stopRows = await db().stops.where('placeId').equals(indexKey(other.id)).toArray();
	const stops = (await stopsRepo.fromRows(stopRows)).map((stop) =>
		stopsRepo.touch(stop, { placeId: kept.id }, now)
	);
	changes.push(change(notesRepo, notes), change(stopsRepo, stops));
	await commit(changes);
	return { notes: notes.length, stops: stops.length };
}
