import { Protocol, type PMTiles } from 'pmtiles';
import type * as MapLibre from 'maplibre-gl';
import { asset } from '$app/paths';

/**
 * The two URL schemes a stored map is drawn through, registered once with MapLibre:
 * - `pmtiles://<file name>`: tiles read by range from the stored archive (a File from the Origin
 *   Private File System or a Blob from IndexedDB), by the `pmtiles` package's protocol;
 * - `stedsans-glyphs://<fontstack>/<range>`: the glyphs bundled with the app. A style may ask for
 *   any font and any Unicode range; the bundled fonts answer the ranges Danish and English need,
 *   and any other range gets an empty answer (its characters are left out) rather than a failed
 *   request that would be an error on the map.
 */

let protocol: Protocol | null = null;

const FONT_DIRS: Record<string, string> = {
	'Noto Sans Regular': 'noto-sans-regular',
	'Noto Sans Medium': 'noto-sans-medium',
	'Noto Sans Bold': 'noto-sans-medium',
	'Noto Sans Italic': 'noto-sans-italic'
};
const RANGES = new Set(['0-255', '256-511', '8192-8447']);

export const GLYPHS_URL = 'stedsans-glyphs://{fontstack}/{range}';

/** The bundled glyph file for a requested font stack and range, or null. */
export function glyphFile(fontstack: string, range: string): string | null {
	if (!RANGES.has(range)) return null;
	const fonts = decodeURIComponent(fontstack).split(',');
	const dir =
		fonts.map((f) => FONT_DIRS[f.trim()]).find(Boolean) ??
		(fonts.some((f) => /italic/i.test(f)) ? FONT_DIRS['Noto Sans Italic'] : undefined) ??
		(fonts.some((f) => /bold|medium|semibold/i.test(f))
			? FONT_DIRS['Noto Sans Medium']
			: undefined) ??
		FONT_DIRS['Noto Sans Regular'];
	return asset(`/map/fonts/${dir}/${range}.pbf`);
}

/** The bundled sprite (absolute: MapLibre resolves it on its own). */
export function spriteUrl(): string {
	return new URL(asset('/map/sprite/basemap'), location.href).href;
}

/**
 * Glyph files fetched ahead, while the map's style and first tiles load: a label's glyphs are
 * asked for only after its tile is parsed, one more round trip before the map is complete.
 */
const glyphCache = new Map<string, Promise<ArrayBuffer | null>>();

function glyphBytes(file: string, signal?: AbortSignal): Promise<ArrayBuffer | null> {
	let bytes = glyphCache.get(file);
	if (!bytes) {
		bytes = fetch(file, { signal })
			.then((res) => (res.ok ? res.arrayBuffer() : null))
			.catch(() => null);
		glyphCache.set(file, bytes);
		// A failed fetch is tried again next time.
		void bytes.then((b) => b ?? glyphCache.delete(file));
	}
	return bytes;
}

/** Starts fetching the glyphs every label of the bundled styles needs first (Latin-1). */
export function prefetchGlyphs(): void {
	for (const font of ['Noto Sans Regular', 'Noto Sans Medium', 'Noto Sans Italic'])
		void glyphBytes(glyphFile(font, '0-255')!);
}

function register(lib: typeof MapLibre): Protocol {
	if (protocol) return protocol;
	protocol = new Protocol();
	lib.addProtocol('pmtiles', protocol.tile);
	lib.addProtocol('stedsans-glyphs', async (params, abort) => {
		const [, fontstack = '', range = ''] =
			/^stedsans-glyphs:\/\/([^/]+)\/(.+)$/.exec(params.url) ?? [];
		const file = glyphFile(fontstack, range);
		const bytes = file ? await glyphBytes(file, abort.signal) : null;
		return { data: bytes ?? new ArrayBuffer(0) };
	});
	return protocol;
}

/** Makes a stored archive readable by the map; returns its tile URL template for the style. */
export function useArchive(lib: typeof MapLibre, reader: PMTiles): string {
	const p = register(lib);
	const key = reader.source.getKey();
	if (!p.get(key)) p.add(reader);
	return `pmtiles://${key}/{z}/{x}/{y}`;
}
