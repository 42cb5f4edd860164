import type * as MapLibre from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Bbox } from '$lib/domain/basemap/tiles';
import {
	onlineOutsideAllowed,
	openStoredMap,
	type StoredMap
} from '$lib/features/basemap/basemap.service';
import { archiveStyle } from './archive-style';
import type { PMTiles } from 'pmtiles';
import { GLYPHS_URL, openArchive, prefetchGlyphs, spriteUrl, useArchive } from './basemap-protocol';

export interface StoredBasemap {
	style: StyleSpecification;
	bounds: Bbox;
	/** Settings: the online basemap may be drawn where this map does not reach. */
	outsideAllowed: boolean;
}

/** "© OpenStreetMap contributors (ODbL) · tiles: …": on the map and on every PNG export. */
export function storedMapAttribution(map: Pick<StoredMap, 'source'>): string {
	return m.offlineMapAttribution({ source: map.source });
}

export interface OpenedBasemap {
	map: StoredMap;
	reader: PMTiles;
	outsideAllowed: boolean;
}

/**
 * The stored offline map, opened: its header, root directory and glyphs start loading now, in
 * parallel with MapLibre itself (a map screen calls this and loadMapLibre together). Null if none.
 */
export async function openBasemap(): Promise<OpenedBasemap | null> {
	const [stored, outsideAllowed] = await Promise.all([
		openStoredMap().catch(() => null),
		onlineOutsideAllowed().catch(() => false)
	]);
	if (!stored) return null;
	prefetchGlyphs();
	return { map: stored.map, reader: openArchive(stored.file), outsideAllowed };
}

/** The opened map as a style for this map screen, in the UI's language. */
export function storedBasemap(lib: typeof MapLibre, opened: OpenedBasemap): StoredBasemap {
	const { map } = opened;
	const style = archiveStyle({
		tiles: useArchive(lib, opened.reader),
		bounds: map.bounds,
		minZoom: map.minZoom,
		maxZoom: map.maxZoom,
		schema: map.schema,
		lang: getLocale() === 'da' ? 'da' : 'en',
		attribution: storedMapAttribution(map),
		glyphs: GLYPHS_URL,
		sprite: spriteUrl()
	});
	return { style, bounds: map.bounds, outsideAllowed: opened.outsideAllowed };
}
