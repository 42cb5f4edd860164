import { copenhagenDayKey } from '../format/datetime';
import type { NeighbourhoodKey } from '../neighbourhoods/keys';
import { fold } from '../text/fold';
import type { RouteSource } from './follow-along';

/** What the list of follow-alongs is narrowed to, and how it is ordered. */
export interface FollowAlongFilter {
	participantId: string | null;
	neighbourhood: NeighbourhoodKey | null;
	/** Copenhagen calendar days, "YYYY-MM-DD", both included; null leaves that end open. */
	from: string | null;
	to: string | null;
	source: RouteSource | null;
	/** Participant codes and place names (glossary and the participant's own), any case or accent. */
	query: string;
	sort: 'newest' | 'oldest';
}

export const NO_FILTER: FollowAlongFilter = {
	participantId: null,
	neighbourhood: null,
	from: null,
	to: null,
	source: null,
	query: '',
	sort: 'newest'
};

/** What of a day the filter looks at. */
export interface FilterableDay {
	startedAt: number;
	participantId: string | null;
	neighbourhood: NeighbourhoodKey | null;
	routeSource: RouteSource;
	/** The participant's code ("VB-014"), or '' for a day without one. */
	code: string;
	/** Names of the day's stops: glossary names and the participant's own. */
	placeNames: readonly string[];
}

export function isFiltered(f: FollowAlongFilter): boolean {
	return (
		f.participantId !== null ||
		f.neighbourhood !== null ||
		f.from !== null ||
		f.to !== null ||
		f.source !== null ||
		f.query.trim() !== ''
	);
}

/** The days that match every part of the filter, ordered by their start. */
export function filterFollowAlongs<D extends FilterableDay>(
	days: readonly D[],
	f: FollowAlongFilter
): D[] {
	// Every word of the search must be found in the code or in one of the place names.
	const words = fold(f.query).split(/\s+/).filter(Boolean);
	const out = days.filter((d) => {
		if (f.participantId !== null && d.participantId !== f.participantId) return false;
		if (f.neighbourhood !== null && d.neighbourhood !== f.neighbourhood) return false;
		if (f.source !== null && d.routeSource !== f.source) return false;
		if (f.from !== null || f.to !== null) {
			const day = copenhagenDayKey(d.startedAt);
			if (f.from !== null && day < f.from) return false;
			if (f.to !== null && day > f.to) return false;
		}
		if (words.length === 0) return true;
		const haystack = [d.code, ...d.placeNames].map(fold);
		return words.every((w) => haystack.some((h) => h.includes(w)));
	});
	const dir = f.sort === 'newest' ? -1 : 1;
	return out.sort((a, b) => dir * (a.startedAt - b.startedAt));
}
