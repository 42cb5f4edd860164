import { foldKey, isLive, type Place } from './place';

export type MatchField = 'name' | 'alias' | 'official';

/**
 * How well a label matches, best first: the whole label, the start of it, the start of one of
 * its words, every query word starting a word ("halm 17" → "Halmtorvet 17"), anywhere inside.
 */
export const MATCH_RANKS = ['exact', 'prefix', 'word-prefix', 'words', 'substring'] as const;
export type MatchRank = (typeof MATCH_RANKS)[number];

export interface PlaceMatch<P extends SearchablePlace = SearchablePlace> {
	place: P;
	/** The name or alias that matched, as written, so the picker can show "Mekka (alias)". */
	label: string;
	field: MatchField;
	rank: MatchRank;
}

export type SearchablePlace = Pick<
	Place,
	'id' | 'name' | 'aliases' | 'officialName' | 'deletedAt' | 'mergedInto'
>;

interface Entry<P> {
	place: P;
	label: string;
	field: MatchField;
	key: string;
	words: string[];
}

const FIELD_ORDER: Record<MatchField, number> = { name: 0, alias: 1, official: 2 };
const collator = new Intl.Collator('da');

function rankOf(entry: Entry<unknown>, query: string, queryWords: string[]): number {
	const { key, words } = entry;
	if (key === query) return 0;
	if (key.startsWith(query)) return 1;
	if (words.some((w) => w.startsWith(query))) return 2;
	if (queryWords.length > 1 && queryWords.every((q) => words.some((w) => w.startsWith(q))))
		return 3;
	if (key.includes(query)) return 4;
	return -1;
}

/**
 * A search over the glossary for the `#` picker and the stop editor. Labels are folded once
 * when built, so each keystroke only compares strings. Deleted and merged places are left out:
 * a merged place lives on as an alias of the one it became part of.
 */
export function createPlaceSearch<P extends SearchablePlace>(places: readonly P[]) {
	const entries: Entry<P>[] = [];
	const add = (place: P, label: string, field: MatchField) => {
		const key = foldKey(label);
		if (key) entries.push({ place, label, field, key, words: key.split(' ') });
	};
	for (const place of places) {
		if (!isLive(place)) continue;
		add(place, place.name, 'name');
		for (const alias of place.aliases) add(place, alias, 'alias');
		if (place.officialName) add(place, place.officialName, 'official');
	}

	return function search(query: string, limit = 20): PlaceMatch<P>[] {
		const q = foldKey(query);
		if (!q) {
			// An empty `#` shows the glossary alphabetically, so the picker is never blank.
			return entries
				.filter((e) => e.field === 'name')
				.sort((a, b) => collator.compare(a.label, b.label))
				.slice(0, limit)
				.map(({ place, label, field }) => ({ place, label, field, rank: 'prefix' as const }));
		}
		const queryWords = q.split(' ');
		const best = new Map<string, { entry: Entry<P>; rank: number }>();
		for (const entry of entries) {
			const rank = rankOf(entry, q, queryWords);
			if (rank < 0) continue;
			const seen = best.get(entry.place.id);
			// One row per place: its best label, and the name over an alias when they tie.
			if (
				!seen ||
				rank < seen.rank ||
				(rank === seen.rank && FIELD_ORDER[entry.field] < FIELD_ORDER[seen.entry.field])
			)
				best.set(entry.place.id, { entry, rank });
		}
		return [...best.values()]
			.sort(
				(a, b) =>
					a.rank - b.rank ||
					FIELD_ORDER[a.entry.field] - FIELD_ORDER[b.entry.field] ||
					a.entry.key.length - b.entry.key.length ||
					collator.compare(a.entry.place.name, b.entry.place.name)
			)
			.slice(0, limit)
			.map(({ entry, rank }) => ({
				place: entry.place,
				label: entry.label,
				field: entry.field,
				rank: MATCH_RANKS[rank]!
			}));
	};
}

/** One-off search; build `createPlaceSearch` once when searching on every keystroke. */
export function searchPlaces<P extends SearchablePlace>(
	places: readonly P[],
	query: string,
	limit = 20
): PlaceMatch<P>[] {
	return createPlaceSearch(places)(query, limit);
}
