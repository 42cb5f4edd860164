import { cellToLatLng } from 'h3-js';
import { toGeoJson } from './geojson';
import type { HeatmapArea, HeatmapMap, HeatmapResult } from './schema';

/*
 * The file forms of a map. Each is built from `map.cells`, which holds the shown cells only, so
 * nothing the disclosure rules held back can reach a file: no suppressed cell, no participant,
 * no count of people.
 */

export const HEATMAP_CSV_COLUMNS = ['cell', 'area', 'lat', 'lon', 'weight', 'unit', 'class'];

/** One row per shown cell (its H3 id and centre), RFC 4180, UTF-8 with a byte-order mark. */
export function heatmapCsv(map: HeatmapMap): string {
	const unit = map.report.parameters.unit;
	const rows = map.cells.map((c) => {
		const [lat, lon] = cellToLatLng(c.cell);
		return [c.cell, map.area, lat.toFixed(6), lon.toFixed(6), c.weight, unit, c.class ?? ''];
	});
	return '\uFEFF' + [HEATMAP_CSV_COLUMNS, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/** The shown cells as GeoJSON hexagons with their weight (and class) and nothing else. */
export function heatmapGeoJsonText(result: HeatmapResult, area: HeatmapArea): string {
	return JSON.stringify(toGeoJson(result, area), null, 1);
}
