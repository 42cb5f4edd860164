import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { toCsv } from '../export/csv-dialect';
import { isLive, type Place } from './place';

/*
 * The glossary for survey tools (issue 17, item 4): an ODK/Kobo choice list, so that a survey asks
 * "which place" with the glossary's own places and each answer is a glossary id (`name`), which
 * the survey import takes back as that glossary place; and a GeoJSON of the located places, for
 * ODK's `select_one_from_file` on a map. Only the glossary's public fields: name, category.
 */

/** The choice list's name in the survey form (`select_one place`). */
export const CHOICE_LIST_NAME = 'place';

type Exported = Pick<Place, 'id' | 'name' | 'category' | 'location' | 'deletedAt' | 'mergedInto'>;

/** Live places, in name order (the order a respondent scrolls). */
function live(places: readonly Exported[]): Exported[] {
	const collator = new Intl.Collator('da');
	return places.filter(isLive).sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * The choices sheet as CSV: `list_name`, `name` (the glossary id), a label per language and the
 * category (for a `choice_filter`). The glossary holds one name per place, the participants'
 * own, so both labels carry it.
 */
export function glossaryChoiceList(places: readonly Exported[]): string {
	const rows = [
		['list_name', 'name', 'label::Dansk', 'label::English', 'category'],
		...live(places).map((p) => [CHOICE_LIST_NAME, p.id, p.name, p.name, p.category])
	];
	return toCsv(rows, 'standard');
}

function geometry(p: Exported): Geometry | null {
	const l = p.location;
	if (!l) return null;
	return l.type === 'point'
		? { type: 'Point', coordinates: [l.lon, l.lat] }
		: { type: 'Polygon', coordinates: [l.ring] };
}

/**
 * The located places as GeoJSON: ODK's `select_one_from_file` reads a feature's `id` as the
 * choice's value and `title` as its label (docs.getodk.org, "Selects from a GeoJSON file").
 */
export function glossaryGeoJson(places: readonly Exported[]): FeatureCollection {
	const features: Feature[] = [];
	for (const p of live(places)) {
		const g = geometry(p);
		if (g)
			features.push({
				type: 'Feature',
				id: p.id,
				geometry: g,
				properties: { id: p.id, title: p.name, category: p.category }
			});
	}
	return { type: 'FeatureCollection', features };
}
