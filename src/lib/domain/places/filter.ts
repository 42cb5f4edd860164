import type { NeighbourhoodKey } from '../neighbourhoods/keys';
import type { Place, PlaceCategory } from './place';

export interface PlaceFilter {
	category?: PlaceCategory;
	neighbourhood?: NeighbourhoodKey;
	/** Only institutions, or only everyday places. */
	institution?: 'only' | 'none';
}

export function matchesPlaceFilter(
	place: Pick<Place, 'category' | 'neighbourhood' | 'institution'>,
	f: PlaceFilter
): boolean {
	if (f.category !== undefined && place.category !== f.category) return false;
	if (f.neighbourhood !== undefined && place.neighbourhood !== f.neighbourhood) return false;
	if (f.institution === 'only' && !place.institution) return false;
	if (f.institution === 'none' && place.institution) return false;
	return true;
}

export function activeFilterCount(f: PlaceFilter): number {
	return Object.values(f).filter((v) => v !== undefined).length;
}
