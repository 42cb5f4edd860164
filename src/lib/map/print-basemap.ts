import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { loadMapLibre } from './maplibre';

/**
 * The basemap under a print export: the screen map's own basemap (its sources and layers without
 * the app's GeoJSON ones), drawn once more off screen for exactly the print frame's box, at twice
 * the frame's size in points, and read back as a PNG data URL. Null when the screen shows no
 * basemap (the offline style has none) or it does not finish drawing within `timeoutMs`: the
 * print then says so in its attribution.
 */
export async function basemapRaster(
	live: MapLibreMap,
	bbox: [number, number, number, number],
	size: { width: number; height: number },
	timeoutMs = 10_000
): Promise<{ href: string; attribution: string } | null> {
	const style = live.getStyle();
	const sources = Object.fromEntries(
		Object.entries(style.sources).filter(([, s]) => s.type !== 'geojson')
	);
	if (Object.keys(sources).length === 0) return null;
	const basemap: StyleSpecification = {
		...style,
		sources,
		layers: style.layers.filter(
			(l) => l.type === 'background' || ('source' in l && l.source in sources)
		)
	};
	const lib = await loadMapLibre();
	const container = document.createElement('div');
	Object.assign(container.style, {
		position: 'fixed',
		left: '-10000px',
		top: '0',
		width: `${Math.round(size.width * 2)}px`,
		height: `${Math.round(size.height * 2)}px`
	});
	document.body.append(container);
	const map = new lib.Map({
		container,
		style: basemap,
		bounds: bbox,
		interactive: false,
		attributionControl: false,
		fadeDuration: 0,
		pixelRatio: 1,
		canvasContextAttributes: { preserveDrawingBuffer: true }
	});
	try {
		const drawn = await Promise.race([
			new Promise<boolean>((resolve) => map.once('idle', () => resolve(true))),
			new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs))
		]);
		if (!drawn) return null;
		const attribution =
			live.getContainer().querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim() ?? '';
		return { href: map.getCanvas().toDataURL('image/png'), attribution };
	} catch {
		return null;
	} finally {
		map.remove();
		container.remove();
	}
}
