import type { StyleSpecification } from 'maplibre-gl';

export { DEFAULT_BASEMAP_STYLE } from '$lib/domain/settings/workspace-settings';

export const OFFLINE_ATTRIBUTION = 'Stedsans offline map';

/**
 * What the map shows when the basemap cannot load (offline, blocked, wrong URL): a plain
 * background on which the app's own layers (outlines, cells, routes) are drawn. Never a grey box.
 */
export function offlineStyle(): StyleSpecification {
	return {
		version: 8,
		name: 'stedsans-offline',
		sources: {},
		layers: [
			{ id: 'offline-background', type: 'background', paint: { 'background-color': '#e8ece4' } }
		]
	};
}

/** The host of a style URL, for the Content Security Policy and the tile cache. */
export function styleHost(url: string): string | null {
	try {
		return new URL(url).host;
	} catch {
		return null;
	}
}
