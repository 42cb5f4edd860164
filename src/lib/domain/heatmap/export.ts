import { cellToLatLng } from 'h3-js';
import { toGeoJson } from './geojson';
import type { HeatmapArea, HeatmapMap, HeatmapResult } from './schema';

/*
 * The file forms of a map that is not released: one participant's everyday places, for analysis
 * inside the team (aggregate maps leave only as releases: release-files.ts). Each is built from
 * `map.cells`, and each says inside it, not only in its name, that it is not for publication.
 */

export const HEATMAP_CSV_COLUMNS = ['cell', 'area', 'lat', 'lon', 'weight', 'unit', 'class'];

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * One row per shown cell (its H3 id and centre), RFC 4180, UTF-8 with a byte-order mark; a map
 * not for publication has the notice as its first line, before the header.
 */
export function heatmapCsv(map: HeatmapMap, notice: string): string {
	const unit = map.report.parameters.unit;
	const rows = map.cells.map((c) => {
		const [lat, lon] = cellToLatLng(c.cell);
		return [c.cell, map.area, lat.toFixed(6), lon.toFixed(6), c.weight, unit, c.class];
	});
	const lines = [HEATMAP_CSV_COLUMNS, ...rows].map((r) => r.join(','));
	if (map.report.notForPublication) lines.unshift(quoted(notice));
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The shown cells as GeoJSON hexagons; not for publication on every feature and the whole. */
export function heatmapGeoJsonText(
	result: HeatmapResult,
	area: HeatmapArea,
	notice: string
): string {
	const fc = toGeoJson(result, area);
	if (!result.maps[area].report.notForPublication) return JSON.stringify(fc, null, 1);
	const mark = { notForPublication: true, notice };
	return JSON.stringify(
		{
			type: fc.type,
			...mark,
			features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, ...mark } }))
		},
		null,
		1
	);
}
