import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface MapContext {
	/** The map, once created. */
	readonly map: MapLibreMap | null;
	/** Bumps every time a style (basemap or offline fallback) has loaded: layers re-add themselves. */
	readonly styleRevision: number;
	/** A style has loaded and no other is on its way: layers and sources can be added now. */
	readonly styleReady: boolean;
}

const KEY = Symbol('stedsans-map');

export function setMapContext(ctx: MapContext): void {
	setContext(KEY, ctx);
}

export function getMapContext(): MapContext {
	const ctx = getContext<MapContext | undefined>(KEY);
	if (!ctx) throw new Error('A map layer must be inside <MapView>');
	return ctx;
}
