import { fold } from '../text/fold';
import type { PlaceStop } from '../tracks/summary';
import type { StopContent } from './stop';

/** What a stop needs to know of its glossary place. */
export interface StopPlaceEntry {
	id: string;
	name: string;
	institution: boolean;
}

/** A stop as it is shown: its name, the participant's own name beside it, whether it is an institution. */
export interface NamedStop {
	/** The glossary place's id (after merges), or null when the stop is not linked to one. */
	placeId: string | null;
	/** The glossary name, else the participant's own name; null when neither is known. */
	name: string | null;
	/** The participant's own name where it is not already the name shown. */
	ownName: string | null;
	institution: boolean;
}

type StopFacts = Pick<StopContent, 'placeId' | 'ownName' | 'institution'>;

/**
 * A stop linked to a glossary place takes its name and its institution status from the place,
 * so a stop at a shelter counts as time at an institution without being marked again by hand;
 * the participant's own name is kept beside the glossary name. An unlinked stop keeps its own
 * name and its own mark. `place` is what the stop's `placeId` resolves to (merges followed).
 */
export function nameStop(stop: StopFacts, place: StopPlaceEntry | undefined): NamedStop {
	const own = stop.ownName.trim() || null;
	if (!place) return { placeId: null, name: own, ownName: null, institution: stop.institution };
	const beside = own !== null && fold(own) !== fold(place.name) ? own : null;
	return { placeId: place.id, name: place.name, ownName: beside, institution: place.institution };
}

/** The stops of a day as the day summary counts them, each named by its place. */
export function placeStops(
	stops: readonly (StopFacts & Pick<StopContent, 'arrivedAt' | 'departedAt'>)[],
	placeOf: (id: string) => StopPlaceEntry | undefined,
	openUntil: number
): PlaceStop[] {
	return stops.map((s) => {
		const named = nameStop(s, s.placeId ? placeOf(s.placeId) : undefined);
		return {
			arrivedAt: s.arrivedAt,
			departedAt: s.departedAt ?? Math.max(openUntil, s.arrivedAt),
			placeKey: named.placeId,
			placeLabel: named.name,
			ownName: s.ownName.trim() || null,
			institution: named.institution
		};
	});
}
