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
import { GLYPHS_URL, spriteUrl, useArchive } from './basemap-protocol';

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

/** The stored offline map as a style for this map screen, in the UI's language; null if none. */
export async function storedBasemap(lib: typeof MapLibre): Promise<StoredBasemap | null> {
	const [stored, outsideAllowed] = await Promise.all([
		openStoredMap().catch(() => null),
		onlineOutsideAllowed().catch(() => false)
	]);
	if (!stored) return null;
	const style = archiveStyle({
		url: useArchive(lib, stored.file),
		schema: stored.map.schema,
		lang: getLocale() === 'da' ? 'da' : 'en',
		attribution: storedMapAttribution(stored.map),
		glyphs: GLYPHS_URL,
		sprite: spriteUrl()
	});
	return { style, bounds: stored.map.bounds, outsideAllowed };
}
