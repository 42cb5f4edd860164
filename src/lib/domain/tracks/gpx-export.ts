import type { Feature, FeatureCollection, Position } from 'geojson';
import { GAP_BEFORE, SOURCE_CODE, SOURCE_MASK } from './fix';
import { partStarts, type Track } from './track';

/**
 * Export of a follow-along's route. A raw route identifies a person (four points in space and
 * time single out 95 % of people, de Montjoye et al. 2013): the caller must warn before export.
 */
export interface ExportStop {
	arrivedAt: number;
	departedAt: number;
	lat: number;
	lon: number;
	name?: string | null;
}

export interface GpxExportOptions {
	/** The track's name (and the file's). */
	name?: string;
	creator?: string;
	/** Written as waypoints (`<wpt>`) at arrival time, the dwell in the description. */
	stops?: readonly ExportStop[];
}

const REC = SOURCE_CODE.reconstructed;

/**
 * GPX 1.1 (https://www.topografix.com/GPX/1/1/): one `<trk>`, one `<trkseg>` per part between
 * gaps, so the gap survives the round trip; waypoints before the track, as the schema orders
 * them. Sketched points carry `<src>reconstructed</src>`.
 */
export function toGpx(track: Track, options: GpxExportOptions = {}): string {
	const out: string[] = [
		'<?xml version="1.0" encoding="UTF-8"?>\n',
		`<gpx version="1.1" creator="${esc(options.creator ?? 'Stedsans')}" xmlns="http://www.topografix.com/GPX/1/1">\n`
	];
	if (options.name) out.push(`<metadata><name>${esc(options.name)}</name></metadata>\n`);
	for (const s of options.stops ?? []) {
		const minutes = Math.round((s.departedAt - s.arrivedAt) / 60_000);
		out.push(
			`<wpt lat="${coord(s.lat)}" lon="${coord(s.lon)}"><time>${iso(s.arrivedAt)}</time>`,
			s.name ? `<name>${esc(s.name)}</name>` : '',
			`<desc>Stop until ${iso(s.departedAt)} (${minutes} min)</desc><type>stop</type></wpt>\n`
		);
	}
	if (track.count > 0) {
		out.push('<trk>', options.name ? `<name>${esc(options.name)}</name>` : '', '\n<trkseg>\n');
		for (let i = 0; i < track.count; i++) {
			if (i > 0 && track.src[i]! & GAP_BEFORE) out.push('</trkseg>\n<trkseg>\n');
			const src = (track.src[i]! & SOURCE_MASK) === REC ? '<src>reconstructed</src>' : '';
			out.push(
				`<trkpt lat="${coord(track.lat[i]!)}" lon="${coord(track.lon[i]!)}"><time>${iso(track.t[i]!)}</time>${src}</trkpt>\n`
			);
		}
		out.push('</trkseg>\n</trk>\n');
	}
	out.push('</gpx>\n');
	return out.join('');
}

export interface GeoJsonExportOptions {
	stops?: readonly ExportStop[];
}

/**
 * GeoJSON (RFC 7946) of the route: one LineString per stretch, split at every gap (never a line
 * across one) and where the route changes between recorded and reconstructed; neighbouring
 * stretches of one part share their end fix, so the line has no hole. Each carries its fixes'
 * times in `coordinateProperties.times` (togeojson's convention). A part of a single fix is a
 * Point. Stops are Points with `kind: 'stop'`.
 */
export function toGeoJson(track: Track, options: GeoJsonExportOptions = {}): FeatureCollection {
	const features: Feature[] = [];
	const starts = partStarts(track);
	for (let p = 0; p < starts.length; p++) {
		const from = starts[p]!;
		const to = (starts[p + 1] ?? track.count) - 1; // inclusive
		if (from === to) {
			features.push(routeFeature(track, p, from, to, false));
			continue;
		}
		// Steps (i-1 → i) touching a reconstructed fix are reconstructed; group runs of steps.
		let runStart = from;
		let runRec = stepRec(track, from + 1);
		for (let i = from + 2; i <= to; i++) {
			const rec = stepRec(track, i);
			if (rec === runRec) continue;
			features.push(routeFeature(track, p, runStart, i - 1, runRec));
			runStart = i - 1;
			runRec = rec;
		}
		features.push(routeFeature(track, p, runStart, to, runRec));
	}
	for (const s of options.stops ?? []) {
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
			properties: {
				kind: 'stop',
				name: s.name ?? null,
				arrivedAt: iso(s.arrivedAt),
				departedAt: iso(s.departedAt),
				dwellMinutes: Math.round((s.departedAt - s.arrivedAt) / 60_000)
			}
		});
	}
	return { type: 'FeatureCollection', features };
}

function stepRec(track: Track, i: number): boolean {
	return (track.src[i]! & SOURCE_MASK) === REC || (track.src[i - 1]! & SOURCE_MASK) === REC;
}

function routeFeature(
	track: Track,
	part: number,
	from: number,
	to: number,
	reconstructed: boolean
): Feature {
	const coordinates: Position[] = [];
	const times: string[] = [];
	for (let i = from; i <= to; i++) {
		coordinates.push([track.lon[i]!, track.lat[i]!]);
		times.push(iso(track.t[i]!));
	}
	return {
		type: 'Feature',
		geometry:
			coordinates.length === 1
				? { type: 'Point', coordinates: coordinates[0]! }
				: { type: 'LineString', coordinates },
		properties: {
			kind: 'route',
			part,
			reconstructed,
			start: times[0],
			end: times[times.length - 1],
			coordinateProperties: { times }
		}
	};
}

/** Seven decimals: about a centimetre, finer than any GPS fix. */
function coord(v: number): string {
	return String(Math.round(v * 1e7) / 1e7);
}

function iso(t: number): string {
	return new Date(t).toISOString();
}

function esc(text: string): string {
	return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
