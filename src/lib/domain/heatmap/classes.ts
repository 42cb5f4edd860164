import type { HeatClass } from './schema';

/** Rounds to two significant figures (down when `down`), without binary-fraction noise. */
export function roundSignificant(x: number, down = false): number {
	if (!(x > 0)) return 0;
	const step = 10 ** (Math.floor(Math.log10(x)) - 1);
	const n = down ? Math.floor(x / step + 1e-9) : Math.round(x / step);
	return Number((n * step).toPrecision(2));
}

/**
 * Quantile classes for a published map: a reader sees which of a few bands a cell is in, not its
 * exact weight, so small differences between exports or between neighbouring cells say nothing.
 * Breaks are rounded down to two significant figures (so no class is empty); each cell's weight
 * becomes its class's lower bound.
 */
export function classify(
	weights: readonly number[],
	count: number
): { classes: HeatClass[]; classOf: (w: number) => number } {
	const sorted = [...weights].sort((a, b) => a - b);
	if (sorted.length === 0) return { classes: [], classOf: () => 1 };
	const lowest = roundSignificant(sorted[0]!, true);
	const breaks: number[] = [];
	for (let i = 1; i < count; i++) {
		const b = roundSignificant(sorted[Math.floor((i * sorted.length) / count)]!, true);
		if (b > (breaks.at(-1) ?? lowest)) breaks.push(b);
	}
	const bounds = [lowest, ...breaks];
	const classes = bounds.map((from, i) => ({ class: i + 1, from, to: bounds[i + 1] ?? null }));
	const classOf = (w: number) => {
		let k = 1;
		while (k < bounds.length && w >= bounds[k]!) k++;
		return k;
	};
	return { classes, classOf };
}
