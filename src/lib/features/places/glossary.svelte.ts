import { m } from '$lib/paraglide/messages.js';
import { mergeRedirects } from '$lib/domain/places/merge';
import { isLive } from '$lib/domain/places/place';
import { createPlaceSearch, type PlaceMatch } from '$lib/domain/places/search';
import { placesRepo, type PlaceRecord } from '$lib/db/places.repo';
import { live } from '$lib/features/app/live.svelte';
import { categoryName } from '$lib/i18n/category-names';

export interface PlaceOption {
	id: string;
	label: string;
	detail?: string;
}

/**
 * The place glossary, kept live for a screen: every place (merged ones too, so old links still
 * resolve), a search over names and aliases, and where merged places now live.
 * Create it during component initialisation (it owns a live query).
 */
export class Glossary {
	#places = live(() => placesRepo.list(), [] as PlaceRecord[]);

	readonly byId = $derived(new Map(this.#places.value.map((p) => [p.id, p])));
	readonly redirects = $derived(mergeRedirects(this.#places.value));
	/** Places shown in lists and on maps: not merged into another. */
	readonly places = $derived(this.#places.value.filter(isLive));
	readonly #search = $derived(createPlaceSearch(this.#places.value));

	get all(): PlaceRecord[] {
		return this.#places.value;
	}
	get loaded(): boolean {
		return this.#places.loaded;
	}

	search(query: string, limit = 20): PlaceMatch<PlaceRecord>[] {
		return this.#search(query, limit);
	}

	/** The place an id stands for today: a merged place resolves to the place it became part of. */
	resolve(id: string): PlaceRecord | undefined {
		return this.byId.get(this.redirects.get(id) ?? id);
	}

	/** Search results as picker options: the label that matched, and what it is. */
	options(query: string, limit = 8): PlaceOption[] {
		return this.search(query, limit).map(({ place, label, field }) => ({
			id: place.id,
			label,
			detail: field === 'name' ? categoryName(place.category) : m.placeAliasOf({ name: place.name })
		}));
	}
}
