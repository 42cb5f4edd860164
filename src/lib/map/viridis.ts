// No imports: the e2e driver reads these colours to count shaded pixels.

/**
 * Viridis (van der Walt & Smith, matplotlib): a perceptually even scale from dark violet to
 * yellow that keeps its order in greyscale and for the common colour-vision deficiencies.
 * Nine evenly spaced stops; MapLibre interpolates between them.
 */
export const VIRIDIS = [
	'#440154',
	'#472d7b',
	'#3b528b',
	'#2c728e',
	'#21918c',
	'#28ae80',
	'#5ec962',
	'#addc30',
	'#fde725'
] as const;

export const HEAT_OPACITY = 0.8;

/** The colour at a shade in [0, 1], as the map draws it (linear between the stops). */
export function viridisAt(shade: number): string {
	const x = Math.min(1, Math.max(0, shade)) * (VIRIDIS.length - 1);
	const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
	const f = x - i;
	const a = hexToRgb(VIRIDIS[i]!);
	const b = hexToRgb(VIRIDIS[i + 1]!);
	return rgbToHex(a.map((v, k) => Math.round(v + (b[k]! - v) * f)) as [number, number, number]);
}

export function hexToRgb(hex: string): [number, number, number] {
	return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
const rgbToHex = (rgb: [number, number, number]) =>
	'#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
