import type * as MapLibre from 'maplibre-gl';

let loading: Promise<typeof MapLibre> | null = null;

/**
 * MapLibre is loaded only on screens with a map. After bundling it cannot find its worker next to
 * itself, so the worker's URL is set once here (https://github.com/maplibre/maplibre-gl-js/issues/6011).
 * Its worker is then kept (`prewarm`): without that, leaving a map screen ends the worker and the
 * next map screen waits for a new one to load and to parse its style again.
 */
export function loadMapLibre(): Promise<typeof MapLibre> {
	loading ??= Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		import('maplibre-gl/dist/maplibre-gl.css')
	]).then(([lib, worker]) => {
		lib.setWorkerUrl(worker.default);
		lib.prewarm();
		return lib;
	});
	return loading;
}
