import {
	latLngToCell,
	polygonToCells,
	polygonToCellsExperimental,
	POLYGON_TO_CELLS_FLAGS
} from 'h3-js';
import { describe, expect, it } from 'vitest';
import { Random } from '../demo/random';
import { APPROXIMATE_OUTLINES } from '../neighbourhoods/outlines';
import { neighbourhoodAt } from '../neighbourhoods/locate';
import { buildCellGrid, cellAt } from './grid';

describe('cell grid', () => {
	for (const res of [7, 8, 9, 10] as const) {
		it(`finds the same cell as latLngToCell at resolution ${res}`, () => {
			const grid = buildCellGrid(APPROXIMATE_OUTLINES, res);
			const rnd = new Random(res);
			let inside = 0;
			for (let i = 0; i < 20_000; i++) {
				const lat = 55.65 + rnd.next() * 0.07;
				const lon = 12.51 + rnd.next() * 0.105;
				const c = cellAt(grid, lat, lon);
				const expected = latLngToCell(lat, lon, res);
				if (grid.index.has(expected)) {
					inside++;
					expect(grid.cells[c]).toBe(expected);
				} else expect(c).toBe(-1);
			}
			expect(inside).toBeGreaterThan(1000);
		});
	}

	it('takes every cell overlapping an outline, so a small neighbourhood keeps its rim', () => {
		const sundholm = APPROXIMATE_OUTLINES.sundholm.coordinates as number[][][];
		const byCentre = polygonToCells(sundholm, 9, true);
		const overlapping = polygonToCellsExperimental(
			sundholm,
			9,
			POLYGON_TO_CELLS_FLAGS.containmentOverlapping,
			true
		);
		const grid = buildCellGrid(APPROXIMATE_OUTLINES, 9);
		const ofSundholm = grid.cells.filter((_, i) => grid.area[i] === 2);
		expect(byCentre.length).toBeLessThan(10);
		expect(ofSundholm.sort()).toEqual([...overlapping].sort());
		expect(ofSundholm.length).toBeGreaterThan(byCentre.length + 5);
	});

	it('gives every cell the neighbourhood holding its centre', () => {
		const grid = buildCellGrid(APPROXIMATE_OUTLINES, 9);
		expect(grid.cells.length).toBeGreaterThan(50);
		const keys = ['vesterbro', 'nordvest', 'sundholm'];
		expect(cellAt(grid, 55.6649, 12.5516)).toBeGreaterThanOrEqual(0);
		expect(keys[grid.area[cellAt(grid, 55.6649, 12.5516)]!]).toBe(
			neighbourhoodAt(12.5516, 55.6649, APPROXIMATE_OUTLINES)
		);
	});
});
