import { cellToLatLng } from 'h3-js';
import { cellPolygon } from '../geo/cells';
import { classOfBand } from './classes';
import type { ReleaseStatement } from './release-schema';

/*
 * A release's data files. They carry each shown cell's class as an interval (`from`, `to`: to is
 * exclusive, empty for the top class) and never a number that reads as a measurement. Built from
 * the release statement alone, so the same release always gives the same bytes.
 */

export interface ReleaseFileMeta {
	title: string;
	/** ISO date-time of the release, as written into the files. */
	releasedAt: string;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** GeoJSON: one hexagon per shown cell with its class; the collection says what and when. */
export function releaseGeoJson(s: ReleaseStatement, meta: ReleaseFileMeta): string {
	const unit = s.parameters.unit;
	const collection = {
		type: 'FeatureCollection',
		title: meta.title,
		released: meta.releasedAt,
		area: s.area,
		unit,
		resolution: s.parameters.resolution,
		classBreaks: s.parameters.classBreaks,
		features: s.cells.map((c) => ({
			type: 'Feature',
			geometry: {
				type: 'Polygon',
				coordinates: [cellPolygon(c.cell).map(([lon, lat]) => [round6(lon!), round6(lat!)])]
			},
			properties: {
				class: classOfBand(c, s.parameters.classBreaks),
				from: c.from,
				to: c.to,
				unit
			}
		}))
	};
	return JSON.stringify(collection, null, 1) + '\n';
}

export const RELEASE_CSV_COLUMNS = ['cell', 'area', 'lat', 'lon', 'class', 'from', 'to', 'unit'];

/**
 * CSV (RFC 4180): one row per shown cell, its centre and class. ASCII only (keys, not names), so
 * no byte-order mark: the stored text must come back unchanged through a backup or package, and
 * the streaming JSON reader of imports drops U+FEFF inside strings.
 */
export function releaseCsv(s: ReleaseStatement): string {
	const unit = s.parameters.unit;
	const areaOf = new Map(s.evidence.cells.map((e) => [e.cell, e.area]));
	const rows = s.cells.map((c) => {
		const [lat, lon] = cellToLatLng(c.cell);
		return [
			c.cell,
			areaOf.get(c.cell) ?? s.area,
			lat.toFixed(6),
			lon.toFixed(6),
			classOfBand(c, s.parameters.classBreaks) ?? '',
			c.from,
			c.to ?? '',
			unit
		];
	});
	return [RELEASE_CSV_COLUMNS, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}
