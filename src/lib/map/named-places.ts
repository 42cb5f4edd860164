import type { FeatureCollection } from 'geojson';
import { cellPolygon } from '$lib/domain/geo/cells';
import { placeCell } from '$lib/domain/heatmap/named-input';
import type { NamedPlaceContent } from '$lib/domain/named-places/named-place';
import type { PlaceLocation } from '$lib/domain/places/place';
import type { LayerWithoutSource } from './layers';

/**
 * Named places as hexagons: the stored cell, or the cell a glossary place stands for. Properties
 * are the id and whether it is selected, nothing else (the map needs no more).
 */
export function namedPlaceFeatures(
	places: readonly (Pick<NamedPlaceContent, 'where'> & { id: string })[],
	location: (placeId: string) => PlaceLocation | null,
	selectedId: string | null = null
): FeatureCollection {
	const features: FeatureCollection['features'] = [];
	for (const p of places) {
		const loc = p.where.kind === 'place' ? location(p.where.placeId) : null;
		const cell = p.where.kind === 'cell' ? p.where.cell : loc ? placeCell(loc) : null;
		if (!cell) continue;
		features.push({
			type: 'Feature',
			properties: { id: p.id, selected: p.id === selectedId },
			geometry: { type: 'Polygon', coordinates: [cellPolygon(cell)] }
		});
	}
	return { type: 'FeatureCollection', features };
}

export const NAMED_PLACE_LAYERS: LayerWithoutSource[] = [
	{
		id: 'named-fill',
		type: 'fill',
		paint: {
			'fill-color': ['case', ['get', 'selected'], '#e0a526', '#3b6fb6'],
			'fill-opacity': 0.45
		}
	},
	{
		id: 'named-line',
		type: 'line',
		paint: { 'line-color': '#1d3557', 'line-width': ['case', ['get', 'selected'], 3, 1.5] }
	}
];
