import type { LayerWithoutSource } from './layers';

/*
 * Hatching for areas without a figure: a held-back area must not look like an empty one (a reader
 * takes blank for "nobody goes there"), and an institution's area is left out for another reason
 * than too few people. MapLibre fills with a pattern from an image added to the style; these are
 * drawn here as pixels, transparent between the lines, so cells drawn over them keep their colour.
 */

export const HATCH = {
	notShown: {
		id: 'st-hatch-not-shown',
		colour: [120, 130, 126, 150],
		spacing: 8,
		width: 1.2,
		rising: true
	},
	institution: {
		id: 'st-hatch-institution',
		colour: [91, 74, 110, 230],
		spacing: 5,
		width: 1.6,
		rising: false
	}
} as const;

/** A square tile of diagonal lines (rising or falling), repeating seamlessly. */
export function hatchImage(h: (typeof HATCH)[keyof typeof HATCH], size = 16) {
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++) {
			const d = (((h.rising ? x + y : x - y + size) % h.spacing) + h.spacing) % h.spacing;
			const on = Math.min(d, h.spacing - d) < h.width / 2 + 0.25;
			if (!on) continue;
			data.set(h.colour, (y * size + x) * 4);
		}
	return { width: size, height: size, data };
}

/** The cells left out as institutions, hatched, with a thin line round them. */
export function institutionLayers(prefix: string): LayerWithoutSource[] {
	return [
		{ id: `${prefix}-fill`, type: 'fill', paint: { 'fill-pattern': HATCH.institution.id } },
		{
			id: `${prefix}-line`,
			type: 'line',
			paint: { 'line-color': '#5b4a6e', 'line-width': 0.6, 'line-opacity': 0.8 }
		}
	];
}

/** The area's outline, hatched: under the cells, so only where no figure is shown. */
export function notShownLayers(prefix: string): LayerWithoutSource[] {
	return [{ id: `${prefix}-fill`, type: 'fill', paint: { 'fill-pattern': HATCH.notShown.id } }];
}

/** The hatches as CSS, for the legend's swatches. */
export function hatchCss(h: (typeof HATCH)[keyof typeof HATCH]): string {
	const [r, g, b, a] = h.colour;
	const c = `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
	const angle = h.rising ? '-45deg' : '45deg';
	return `repeating-linear-gradient(${angle}, ${c} 0 ${h.width}px, transparent ${h.width}px ${h.spacing / Math.SQRT2}px)`;
}
