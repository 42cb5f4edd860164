import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { shadeCells, viridisAt, VIRIDIS } from './heat-colours';

const cell = (k: number) => latLngToCell(55.66 + k * 0.004, 12.55, 9);

describe('the heatmap colour scale', () => {
	it('runs from the first viridis stop to the last', () => {
		expect(viridisAt(0)).toBe(VIRIDIS[0]);
		expect(viridisAt(1)).toBe(VIRIDIS[8]);
		expect(viridisAt(0.5)).toBe(VIRIDIS[4]);
		expect(viridisAt(-1)).toBe(VIRIDIS[0]);
	});

	it('gives each class one colour, evenly spaced, and lists every class in the legend', () => {
		const classes = [
			{ class: 1, from: 0, to: 50 },
			{ class: 2, from: 50, to: 200 },
			{ class: 3, from: 200, to: null }
		];
		const classified = shadeCells(
			[1, 3].map((k) => ({ cell: cell(k), weight: 10 * k, class: k })),
			classes
		);
		expect(classified.features.features.map((f) => f.properties.shade)).toEqual([0, 1]);
		expect(classified.legend).toEqual({
			kind: 'classes',
			items: [
				{ colour: VIRIDIS[0], from: 0, to: 50 },
				{ colour: VIRIDIS[4], from: 50, to: 200 },
				{ colour: VIRIDIS[8], from: 200, to: null }
			]
		});
		expect(shadeCells([], classes).legend.kind).toBe('classes');
		expect(shadeCells([], null).legend).toEqual({ kind: 'empty' });
	});
});
