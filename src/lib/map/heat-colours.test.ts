import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { roundLabel, shadeCells, viridisAt, VIRIDIS } from './heat-colours';

const cell = (k: number) => latLngToCell(55.66 + k * 0.004, 12.55, 9);

describe('the heatmap colour scale', () => {
	it('runs from the first viridis stop to the last', () => {
		expect(viridisAt(0)).toBe(VIRIDIS[0]);
		expect(viridisAt(1)).toBe(VIRIDIS[8]);
		expect(viridisAt(0.5)).toBe(VIRIDIS[4]);
		expect(viridisAt(-1)).toBe(VIRIDIS[0]);
	});

	it('spreads skewed weights on a log scale and labels the legend in round numbers', () => {
		const cells = [1, 10, 1000].map((w, k) => ({ cell: cell(k), weight: w * 1.13 }));
		const { features, legend } = shadeCells(cells, null);
		const shades = features.features.map((f) => f.properties.shade);
		expect(shades[0]).toBe(0);
		expect(shades[2]).toBe(1);
		expect(shades[1]).toBeCloseTo(1 / 3, 5);
		expect(legend).toMatchObject({ kind: 'scale', log: true });
		if (legend.kind === 'scale') expect(legend.ticks.map((t) => t.value)).toEqual([1.1, 36, 1100]);
	});

	it('keeps a linear scale for weights within a factor of ten, and one colour per class', () => {
		const linear = shadeCells(
			[2, 4, 6].map((w, k) => ({ cell: cell(k), weight: w })),
			null
		);
		expect(linear.features.features.map((f) => f.properties.shade)).toEqual([0, 0.5, 1]);
		const classes = [
			{ class: 1, from: 10, to: 50 },
			{ class: 2, from: 50, to: 200 },
			{ class: 3, from: 200, to: null }
		];
		const classified = shadeCells(
			[1, 3].map((k) => ({ cell: cell(k), weight: classes[k - 1]!.from, class: k })),
			classes
		);
		expect(classified.features.features.map((f) => f.properties.shade)).toEqual([0, 1]);
		expect(classified.legend).toEqual({
			kind: 'classes',
			items: [
				{ colour: VIRIDIS[0], from: 10, to: 50 },
				{ colour: VIRIDIS[4], from: 50, to: 200 },
				{ colour: VIRIDIS[8], from: 200, to: null }
			]
		});
		expect(shadeCells([], null).legend).toEqual({ kind: 'empty' });
		expect(roundLabel(1187.35)).toBe(1200);
	});
});
