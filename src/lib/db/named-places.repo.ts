import { InterviewContent } from '$lib/domain/named-places/interview';
import { NamedPlaceContent } from '$lib/domain/named-places/named-place';
import { defineRepository, type EntityOf } from './repository';

/*
 * Interviews and named places (domain/named-places/). Indexed by id alone: the participant, the
 * time and the place are sealed, and what reads them filters after opening.
 */

/** `refined`: an offset needs its interview. */
export const namedPlacesRepo = defineRepository({
	table: 'namedPlaces',
	content: NamedPlaceContent,
	version: 1,
	refined: true
});
export type NamedPlace = EntityOf<typeof NamedPlaceContent>;

export const interviewsRepo = defineRepository({
	table: 'interviews',
	content: InterviewContent,
	version: 1
});
export type Interview = EntityOf<typeof InterviewContent>;
