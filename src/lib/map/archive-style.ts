import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { omtLayers } from './omt-layers';
import { htmlText } from '$lib/domain/text/html';

/** The source every stored-map style reads from (the app's own layers use `st-` sources). */
export const ARCHIVE_SOURCE = 'basemap';

export interface ArchiveStyleOptions {
	/** `pmtiles://<file>/{z}/{x}/{y}` (basemap-protocol.ts). */
	tiles: string;
	/** From the stored map's description: no TileJSON round trip before the first tile. */
	bounds: [number, number, number, number];
	minZoom: number;
	maxZoom: number;
	schema: 'protomaps' | 'openmaptiles';
	/**
	 * The source layers the archive has (its metadata's `vector_layers`): a style layer reading
	 * any other draws nothing, ever, and is left out. Empty: the archive does not say; all stay.
	 */
	sourceLayers?: string[];
	lang: 'da' | 'en';
	/** "© OpenStreetMap contributors · tiles: …", shown on the map and in PNG exports. */
	attribution: string;
	glyphs: string;
	sprite: string;
}

/**
 * Protomaps' layers ask the sprite for an icon per kind of place and per country's road shield;
 * the bundled sprite has one icon for stations, one for any other place and a plain shield.
 */
function withBundledIcons(layer: LayerSpecification): LayerSpecification {
	if (layer.type !== 'symbol' || !layer.layout) return layer;
	if (layer.id === 'pois')
		return {
			...layer,
			layout: {
				...layer.layout,
				'icon-image': ['match', ['get', 'kind'], 'station', 'train_station', 'poi']
			}
		};
	if (layer.id === 'roads_shields')
		return {
			...layer,
			layout: {
				...layer.layout,
				'icon-image': ['concat', 'generic_shield-', ['length', ['get', 'shield_text']], 'char']
			}
		};
	return layer;
}

/** The paint colours that share a shader with the app's own layers when they are per feature. */
const SHARED_COLOURS = ['fill-color', 'line-color', 'text-color'] as const;

/**
 * A layer whose colour is one fixed colour needs a shader program of its own; the app's layers
 * (outlines, cells, routes) and the style's data-driven layers use the program that reads the
 * colour per feature. Each program is compiled at every map screen's start (and on a device
 * without a GPU, as in the test browser, first drawn at great cost), so a fixed colour is given as
 * an expression that reads the feature and yields that colour for every one: the same picture,
 * fewer programs.
 */
function withSharedPrograms(layer: LayerSpecification): LayerSpecification {
	const paint = (layer as { paint?: Record<string, unknown> }).paint;
	if (!paint || !SHARED_COLOURS.some((k) => typeof paint[k] === 'string')) return layer;
	const shared = { ...paint };
	for (const key of SHARED_COLOURS) {
		const colour = paint[key];
		if (typeof colour === 'string') shared[key] = ['case', ['has', 'kind'], colour, colour];
	}
	return { ...layer, paint: shared } as LayerSpecification;
}

/**
 * The style of a stored map: everything it needs is on the device. Every layer costs at each map
 * screen's start (MapLibre creates it on the page and in its worker, and checks it against every
 * tile), so layers for source layers the archive lacks are not in it.
 */
export function archiveStyle(o: ArchiveStyleOptions): StyleSpecification {
	const all = (
		o.schema === 'protomaps'
			? protomapsLayers(ARCHIVE_SOURCE, namedFlavor('light'), { lang: o.lang }).map(
					withBundledIcons
				)
			: omtLayers(ARCHIVE_SOURCE, o.lang)
	).map(withSharedPrograms);
	const has = new Set(o.sourceLayers ?? []);
	const layers = has.size
		? all.filter((l) => !('source-layer' in l) || has.has(l['source-layer']!))
		: all;
	return {
		version: 8,
		name: 'stedsans-stored-map',
		glyphs: o.glyphs,
		sprite: o.sprite,
		sources: {
			[ARCHIVE_SOURCE]: {
				type: 'vector',
				tiles: [o.tiles],
				bounds: o.bounds,
				minzoom: o.minZoom,
				maxzoom: o.maxZoom,
				// Read as HTML by MapLibre; the archive's name in it is anyone's text.
				attribution: htmlText(o.attribution)
			}
		},
		layers
	};
}
