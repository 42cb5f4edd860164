import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
	createPropertyExpression,
	latest,
	validateStyleMin
} from '@maplibre/maplibre-gl-style-spec';
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import { archiveStyle } from './archive-style';
import { GLYPHS_URL, glyphFile } from './basemap-protocol';

const sprite = JSON.parse(readFileSync('static/map/sprite/basemap.json', 'utf8')) as Record<
	string,
	unknown
>;

/** The string outputs an expression can yield (the arms of match, case and step; not labels). */
function literals(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (!Array.isArray(value)) return [];
	const [op, ...args] = value as [unknown, ...unknown[]];
	const arms = (from: unknown[]) => [...from.filter((_, i) => i % 2 === 1), from.at(-1)];
	if (op === 'match') return arms(args.slice(1)).flatMap(literals);
	if (op === 'case') return arms(args).flatMap(literals);
	if (op === 'step')
		return [args[1], ...args.slice(2).filter((_, i) => i % 2 === 1)].flatMap(literals);
	// Built at run time (concat, get): checked by hand against the sprite (generic shields).
	if (op === 'concat' || op === 'get' || op === 'literal') return [];
	return args.flatMap(literals);
}

/** A stored map's style options as the app gives them (schema and language set per test). */
const OPTIONS = {
	tiles: 'pmtiles://map.pmtiles/{z}/{x}/{y}',
	bounds: [12.5, 55.64, 12.63, 55.73] as [number, number, number, number],
	minZoom: 10,
	maxZoom: 14,
	attribution: '© OpenStreetMap contributors (ODbL) · tiles: test',
	glyphs: GLYPHS_URL,
	sprite: 'http://127.0.0.1/map/sprite/basemap'
};

describe('the stored map’s style', () => {
	for (const schema of ['protomaps', 'openmaptiles'] as const)
		for (const lang of ['da', 'en'] as const)
			it(`is a valid MapLibre style for ${schema} archives in ${lang}, with nothing from outside`, () => {
				const style = archiveStyle({ ...OPTIONS, schema: schema, lang: lang });
				expect(validateStyleMin(style as never)).toEqual([]);
				const json = JSON.stringify(style);
				expect(json).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
				expect(json).toContain(lang === 'da' ? 'name:da' : 'name:en');
				for (const layer of style.layers) {
					const layout = (layer as { layout?: Record<string, unknown> }).layout ?? {};
					// Every font is one of the bundled ones; every icon is in the bundled sprite.
					const fonts = JSON.stringify(layer).match(/"Noto Sans [^"]+"/g) ?? [];
					if (layer.type === 'symbol' && layout['text-field'])
						expect(fonts.length).toBeGreaterThan(0);
					for (const font of fonts)
						expect(glyphFile(JSON.parse(font) as string, '0-255'), font).toMatch(
							/\/map\/fonts\/noto-sans-(regular|medium|italic)\/0-255\.pbf$/
						);
					const icons = literals(layout['icon-image']).filter(
						(i) => i && !i.endsWith('-') && i !== 'char'
					);
					for (const icon of icons) expect(sprite, `${layer.id}: ${icon}`).toHaveProperty(icon);
				}
			});

	it('leaves out the layers for source layers the archive does not have, and keeps the rest', () => {
		const options = { ...OPTIONS, schema: 'protomaps' as const, lang: 'da' as const };
		const sourceLayer = (l: object) => (l as { 'source-layer'?: string })['source-layer'];
		const full = archiveStyle(options).layers;
		const pruned = archiveStyle({ ...options, sourceLayers: ['earth', 'roads', 'pois'] }).layers;
		// Every layer of the full style that reads earth, roads or pois (or no source layer: the
		// background) is still there, in the same order, and nothing else.
		expect(pruned).toEqual(
			full.filter((l) => [undefined, 'earth', 'roads', 'pois'].includes(sourceLayer(l)))
		);
		expect(pruned.length).toBeLessThan(full.length);
		expect(pruned.some((l) => l.id === 'roads_labels_major')).toBe(true);
		expect(
			validateStyleMin(archiveStyle({ ...options, sourceLayers: ['roads'] }) as never)
		).toEqual([]);
		// An archive that names no source layers keeps the whole style.
		expect(archiveStyle({ ...options, sourceLayers: [] }).layers).toEqual(full);
	});

	it('credits an archive by its name as text: markup in the name never becomes HTML', () => {
		const style = archiveStyle({
			...OPTIONS,
			schema: 'protomaps',
			lang: 'en',
			attribution: 'tiles: <img src=x onerror="alert(1)">'
		});
		const source = Object.values(style.sources)[0] as { attribution: string };
		expect(source.attribution).toBe('tiles: &lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
	});

	it('draws every fixed colour as before, read per feature so it shares the shader of the data-driven layers', () => {
		const style = archiveStyle({ ...OPTIONS, schema: 'protomaps', lang: 'en' });
		const original = new Map(
			protomapsLayers('basemap', namedFlavor('light'), { lang: 'en' }).map((l) => [l.id, l])
		);
		const feature = (properties: Record<string, unknown>) =>
			({ type: 'LineString', properties }) as never;
		let checked = 0;
		for (const layer of style.layers) {
			const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
			const before = (original.get(layer.id) as { paint?: Record<string, unknown> }).paint ?? {};
			for (const key of ['fill-color', 'line-color', 'text-color']) {
				if (typeof before[key] !== 'string') continue;
				checked++;
				const spec = (latest as unknown as Record<string, Record<string, unknown>>)[
					`paint_${layer.type}`
				]![key] as never;
				const parsed = createPropertyExpression(paint[key], key, spec);
				expect(parsed.result, `${layer.id} ${key}`).toBe('success');
				const expr = parsed.value as {
					kind: string;
					evaluate(g: object, f: object): { toString(): string };
				};
				// Read per feature (MapLibre's "source" kind), and the same colour for any feature.
				expect(expr.kind, `${layer.id} ${key}`).toBe('source');
				const want = createPropertyExpression(before[key], key, spec).value as typeof expr;
				for (const props of [{}, { kind: 'major_road' }])
					expect(expr.evaluate({ zoom: 14 }, feature(props)).toString()).toBe(
						want.evaluate({ zoom: 14 }, feature(props)).toString()
					);
			}
		}
		expect(checked).toBeGreaterThan(40);
	});

	it('answers glyph ranges it does not bundle with nothing, instead of a failed request', () => {
		expect(glyphFile('Noto%20Sans%20Regular', '19968-20223')).toBeNull();
		expect(glyphFile('Open Sans Bold,Arial Unicode MS Bold', '0-255')).toMatch(/noto-sans-medium/);
		expect(glyphFile('Noto Sans Italic', '256-511')).toMatch(/noto-sans-italic\/256-511/);
	});
});
