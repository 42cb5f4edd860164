import type * as MapLibre from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Bbox } from '$lib/domain/basemap/tiles';
import { openedMap, type OpenedMap, type StoredMap } from '$lib/features/basemap/basemap.service';
import { archiveStyle } from './archive-style';
import { GLYPHS_URL, prefetchGlyphs, spriteUrl, useArchive } from './basemap-protocol';

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

/**
 * The stored offline map, opened once for the app (basemap.service.ts) with its glyphs fetched
 * ahead. The app calls this when it starts, so the first map screen finds it open; a map screen
 * calls it again together with loadMapLibre. Null if none is stored.
 */
export async function openBasemap(): Promise<OpenedMap | null> {
	const opened = await openedMap();
	if (opened) prefetchGlyphs();
	return opened;
}

/** The opened map as a style for this map screen, in the UI's language. */
export function storedBasemap(lib: typeof MapLibre, opened: OpenedMap): StoredBasemap {
	const { map } = opened;
	const style = archiveStyle({
		tiles: useArchive(lib, opened.reader),
		bounds: map.bounds,
		minZoom: map.minZoom,
		maxZoom: map.maxZoom,
		schema: map.schema,
		sourceLayers: opened.sourceLayers,
		lang: getLocale() === 'da' ? 'da' : 'en',
		attribution: storedMapAttribution(map),
		glyphs: GLYPHS_URL,
		sprite: spriteUrl()
	});
	return { style, bounds: map.bounds, outsideAllowed: opened.outsideAllowed };
}
