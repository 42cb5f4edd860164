import { creationRevision } from '$lib/domain/places/created';
import { changedSince, revert, revisionFor, type PlaceRevision } from '$lib/domain/places/history';
import {
	cleanAliases,
	PlaceContent,
	placeContent,
	type PlaceInput,
	type PlaceLocation
} from '$lib/domain/places/place';
import {
	missingStarterPlaces,
	starterPlaceContent,
	storedStarterDescription
} from '$lib/domain/places/starter';
import { change, commit, type Change } from '$lib/db/commit';
import { placeRevisionsRepo, placesRepo, type PlaceRecord } from '$lib/db/places.repo';
import { indexKey, indexKeys } from '$lib/db/index-key';
import { db, identity } from '$lib/db/workspace';

/** The place as the user typed it, cleaned the way every save cleans it (aliases without repeats). */
export function placeFromInput(input: PlaceInput): PlaceContent {
	const parsed = PlaceContent.parse(input);
	return { ...parsed, aliases: cleanAliases(parsed.name, parsed.aliases) };
}

/** A new place and its first revision, ready to be committed with other changes. */
export function preparePlace(
	input: PlaceInput,
	now = Date.now()
): { place: PlaceRecord; changes: Change[] } {
	const place = placesRepo.prepare(placeFromInput(input), now);
	const revision = placeRevisionsRepo.prepare(
		creationRevision(place.id, placeContent(place), identity().authorId, now),
		now
	);
	return {
		place,
		changes: [change(placesRepo, [place]), change(placeRevisionsRepo, [revision])]
	};
}

/**
 * A changed place and the revision that records the change, or null when nothing changed
 * (a save without edits leaves no trace in the history).
 */
export function prepareEdit(
	existing: PlaceRecord,
	next: PlaceContent,
	now = Date.now()
): { place: PlaceRecord; changes: Change[] } | null {
	const revision = revisionFor(existing.id, placeContent(existing), next, identity().authorId, now);
	if (!revision) return null;
	const place = placesRepo.touch(existing, next, now);
	return {
		place,
		changes: [
			change(placesRepo, [place]),
			change(placeRevisionsRepo, [placeRevisionsRepo.prepare(revision, now)])
		]
	};
}

/**
 * Saves a place, creating it when `id` is null. The place and the revision that records the
 * change are written in one transaction: there is never a change without its history.
 */
export async function savePlace(id: string | null, input: PlaceInput): Promise<PlaceRecord> {
	const content = placeFromInput(input);
	if (id === null) {
		const { place, changes } = preparePlace(content);
		await commit(changes);
		return place;
	}
	const existing = await placesRepo.require(id);
	const edit = prepareEdit(existing, content);
	if (!edit) return existing;
	await commit(edit.changes);
	return edit.place;
}

/** A place's own revisions, newest first. */
export async function placeRevisions(placeIds: readonly string[]) {
	const rows = await db().placeRevisions.where('placeId').anyOf(indexKeys(placeIds)).toArray();
	const revisions = await placeRevisionsRepo.live(rows);
	return revisions.sort((a, b) => b.at - a.at || (b.id < a.id ? -1 : 1));
}

/** Fields a revert would overwrite because they have changed again since the revision. */
export async function revertConflicts(revisionId: string): Promise<string[]> {
	const revision = await placeRevisionsRepo.require(revisionId);
	const place = await placesRepo.require(revision.placeId);
	return changedSince(placeContent(place), revision);
}

/** Puts the fields a revision changed back as they were; the revert is itself a revision. */
export async function revertRevision(revisionId: string): Promise<PlaceRecord> {
	const revision: PlaceRevision = await placeRevisionsRepo.require(revisionId);
	const place = await placesRepo.require(revision.placeId);
	return savePlace(place.id, revert(placeContent(place), revision));
}

/** Moves a place to the trash with its history, stamped with the same time so they come back together. */
export async function deletePlace(id: string): Promise<void> {
	const place = await placesRepo.require(id);
	const now = Date.now();
	const rows = await db().placeRevisions.where('placeId').equals(indexKey(id)).toArray();
	const revisions = (await placeRevisionsRepo.fromRows(rows))
		.filter((r) => r.deletedAt === null)
		.map((r) => placeRevisionsRepo.trash(r, now));
	await commit([
		change(placesRepo, [placesRepo.trash(place, now)]),
		change(placeRevisionsRepo, revisions)
	]);
}

/** Sets where a place is; a position put on the map by hand is no longer a guess. */
export async function setPlaceLocation(
	id: string,
	location: PlaceLocation | null
): Promise<PlaceRecord> {
	const place = await placesRepo.require(id);
	return savePlace(id, { ...placeContent(place), location, positionToVerify: false });
}

/** Someone checked the guessed position and it is right. */
export async function confirmPosition(id: string): Promise<PlaceRecord> {
	const place = await placesRepo.require(id);
	return savePlace(id, { ...placeContent(place), positionToVerify: false });
}

/** Pristine starter places carry this time, like the starter codes: any edit, anywhere, is newer. */
const PRISTINE_TIME = 1;

/**
 * Adds the known institutions this workspace does not have (a deleted one stays deleted).
 * Every device adds the very same records (fixed ids, the same text in both languages, an empty
 * version vector), so two devices that both add them do not conflict when they exchange, and an
 * edit on either side is simply newer. Returns how many were added.
 */
export async function addStarterPlaces(): Promise<number> {
	const have = new Set(await db().places.toCollection().primaryKeys());
	const missing = missingStarterPlaces((id) => have.has(id));
	const places = missing.map((entry) => {
		const content = starterPlaceContent(entry, 'en');
		const description = storedStarterDescription(entry);
		return {
			...placesRepo.prepare({ ...content, description }, PRISTINE_TIME, entry.id),
			rev: {}
		};
	});
	await commit([change(placesRepo, places)]);
	return places.length;
}

/** How many starter places could still be added. */
export async function missingStarterCount(): Promise<number> {
	const have = new Set(await db().places.toCollection().primaryKeys());
	return missingStarterPlaces((id) => have.has(id)).length;
}

export function getPlace(id: string): Promise<PlaceRecord | undefined> {
	return placesRepo.get(id);
}
