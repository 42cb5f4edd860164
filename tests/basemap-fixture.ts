/**
 * A small vector basemap made from the municipality's GeoJSON in the shared folder, for the
 * offline-map tests (no download): the neighbourhood outlines drawn as streets and the stations
 * as points of interest, cut into tiles with geojson-vt, encoded with vt-pbf, gzipped and
 * written as a PMTiles v3 archive by the app's own writer. In either schema the bundled styles
 * draw: Protomaps' (roads, pois, earth) or OpenMapTiles' (transportation, poi, water).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import {
	Compression,
	concat,
	TileType,
	writeArchive,
	type ArchiveTile
} from '../src/lib/domain/basemap/pmtiles-writer';
import { fieldArea, tilesOf, type Bbox } from '../src/lib/domain/basemap/tiles';
import { sharedPath } from './shared-dir';

export type FixtureSchema = 'protomaps' | 'openmaptiles';

export const FIXTURE_ZOOMS = { min: 10, max: 14 };
/** The outline whose street name the tests look for. */
export const FIXTURE_STREET = 'Vesterbro vest';

function read(path: string): FeatureCollection {
	return JSON.parse(readFileSync(sharedPath(path), 'utf8')) as FeatureCollection;
}

function bboxPolygon([w, s, e, n]: Bbox): Polygon {
	return {
		type: 'Polygon',
		coordinates: [
			[
				[w, s],
				[e, s],
				[e, n],
				[w, n],
				[w, s]
			]
		]
	};
}

/** The features of each source layer, with the properties the schema's style reads. */
function layers(schema: FixtureSchema, area: Bbox): Record<string, FeatureCollection> {
	const districts = read('geo/kk_kvarterer_subset_4326.geojson');
	const stations = read('geo/kk_stations_4326.geojson');
	const outlines: Feature[] = districts.features.flatMap((f) => {
		const g = f.geometry;
		const polys =
			g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
		const name = String(f.properties?.kvarternavn ?? '');
		return polys.map((rings) => ({
			type: 'Feature' as const,
			properties:
				schema === 'protomaps'
					? {
							kind: 'major_road',
							kind_detail: 'primary',
							name,
							'name:da': name,
							'name:en': name,
							min_zoom: 5
						}
					: { class: 'primary', name, 'name:da': name, 'name:en': name },
			geometry: { type: 'LineString' as const, coordinates: rings[0]! }
		}));
	});
	const points: Feature[] = stations.features.map((f) => ({
		...f,
		properties:
			schema === 'protomaps'
				? { kind: 'station', name: f.properties?.name, min_zoom: 10 }
				: { class: 'railway', subclass: 'station', name: f.properties?.name, rank: 1 }
	}));
	const land: Feature = {
		type: 'Feature',
		properties: { kind: 'earth' },
		geometry: bboxPolygon(area)
	};
	const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
	return schema === 'protomaps'
		? { earth: fc([land]), roads: fc(outlines), pois: fc(points) }
		: { transportation: fc(outlines), transportation_name: fc(outlines), poi: fc(points) };
}

/** Every non-empty tile of the fixture over the field area, gzipped MVT. */
export function fixtureTiles(
	schema: FixtureSchema,
	zooms = FIXTURE_ZOOMS,
	area: Bbox = fieldArea()
): ArchiveTile[] {
	const indexes = Object.entries(layers(schema, area)).map(
		([name, fc]) =>
			[
				name,
				new GeoJSONVT(fc, { maxZoom: zooms.max, indexMaxZoom: zooms.max, indexMaxPoints: 0 })
			] as const
	);
	const out: ArchiveTile[] = [];
	for (const t of tilesOf(area, zooms.min, zooms.max)) {
		const present = Object.fromEntries(
			indexes.flatMap(([name, index]) => {
				const tile = index.getTile(t.z, t.x, t.y);
				return tile && tile.features.length ? [[name, tile]] : [];
			})
		);
		if (Object.keys(present).length === 0) continue;
		const mvt = vtpbf.fromGeojsonVt(present, { version: 2 }) as Uint8Array;
		out.push({ ...t, data: new Uint8Array(gzipSync(mvt)) });
	}
	return out;
}

/** The fixture's TileJSON / PMTiles metadata fields. */
export function fixtureMetadata(
	schema: FixtureSchema,
	dataDate = '2025-03-01T00:00:00Z',
	name = `Stedsans test basemap (${schema})`
) {
	return {
		name,
		attribution:
			'<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a>',
		vector_layers: Object.keys(layers(schema, fieldArea())).map((id) => ({ id, fields: {} })),
		'stedsans:data-date': dataDate
	};
}

/** The whole archive as bytes. */
export function makeBasemapArchive(
	options: {
		schema?: FixtureSchema;
		dataDate?: string;
		bounds?: Bbox;
		tileType?: 1 | 2;
		/** The archive's name in its metadata (shown in Settings and in the map's credit). */
		name?: string;
		/** More tiles (the benchmark's filler at deeper zooms), and the zoom they reach. */
		extra?: { tiles: ArchiveTile[]; maxZoom: number };
	} = {}
): Uint8Array {
	const schema = options.schema ?? 'protomaps';
	const area = fieldArea();
	const tiles = [...fixtureTiles(schema, FIXTURE_ZOOMS, area), ...(options.extra?.tiles ?? [])];
	const parts = writeArchive(tiles, {
		tileCompression: Compression.Gzip,
		tileType: options.tileType ?? TileType.Mvt,
		bounds: options.bounds ?? area,
		minZoom: FIXTURE_ZOOMS.min,
		maxZoom: options.extra?.maxZoom ?? FIXTURE_ZOOMS.max,
		metadata: fixtureMetadata(schema, options.dataDate, options.name)
	});
	return concat(parts);
}
