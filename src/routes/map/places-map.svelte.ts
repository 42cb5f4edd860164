import { matchesPlaceFilter, type PlaceFilter } from '$lib/domain/places/filter';
import { Glossary } from '$lib/features/places/glossary.svelte';

/** The glossary on the map: which places are shown, whether buffers are drawn, which is selected. */
export class PlacesMapView {
	readonly glossary = new Glossary();
	filter = $state<PlaceFilter>({});
	showPlaces = $state(true);
	showBuffers = $state(true);
	selectedId = $state<string | null>(null);

	readonly shown = $derived(
		this.showPlaces
			? this.glossary.places.filter(
					(p) => p.location !== null && matchesPlaceFilter(p, this.filter)
				)
			: []
	);
	readonly selected = $derived(
		this.selectedId ? this.glossary.byId.get(this.selectedId) : undefined
	);
}
