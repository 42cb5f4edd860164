import { PlaceContent } from '$lib/domain/places/place';
import { PlaceRevision } from '$lib/domain/places/history';
import { defineRepository, type EntityOf } from './repository';

/** The glossary. `refined`: the rules across fields (an institution needs a kind, …) are checked. */
export const placesRepo = defineRepository({
	table: 'places',
	content: PlaceContent,
	version: 1,
	refined: true
});
export type PlaceRecord = EntityOf<typeof PlaceContent>;

/** One record per saved change of a place: who, when, which fields from what to what. */
export const placeRevisionsRepo = defineRepository({
	table: 'placeRevisions',
	content: PlaceRevision,
	version: 1,
	index: (c) => ({ placeId: c.placeId })
});
export type PlaceRevisionRecord = EntityOf<typeof PlaceRevision>;
