import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { cellPolygon } from '../geo/cells';
import type { HeatmapArea, HeatmapResult } from './schema';

export interface HeatCellProperties {
	weight: number;
	class: number;
}

/**
 * The shown cells of one map as GeoJSON polygons carrying their weight and class: nothing else,
 * no ids, counts or parameters, so an export holds exactly what the map shows.
 */
export function toGeoJson(
	result: HeatmapResult,
	area: HeatmapArea = 'all'
): FeatureCollection<Polygon, HeatCellProperties> {
	const features: Feature<Polygon, HeatCellProperties>[] = result.maps[area].cells.map((c) => ({
		type: 'Feature',
		geometry: { type: 'Polygon', coordinates: [cellPolygon(c.cell)] },
		properties: { weight: c.weight, class: c.class }
	}));
	return { type: 'FeatureCollection', features };
}
