import { describe, expect, it } from 'vitest';
import { cellEdgeMetres, cellLocation, cellPolygon, snapToCell } from './cells';

describe('cells', () => {
	it('snaps deterministically to the cell centre', () => {
		const a = snapToCell(55.6649, 12.5516, 8);
		const b = snapToCell(55.66491, 12.55161, 8);
		expect(a).toEqual(b);
		expect(a.resolution).toBe(8);
		expect(cellLocation(a.cell)).toEqual(a);
	});
	it('knows the edge length of each resolution', () => {
		expect(cellEdgeMetres(8)).toBeGreaterThan(400);
		expect(cellEdgeMetres(8)).toBeLessThan(600);
		expect(cellEdgeMetres(9)).toBeLessThan(250);
	});
	it('draws a closed ring', () => {
		const ring = cellPolygon(snapToCell(55.7, 12.53, 9).cell);
		expect(ring[0]).toEqual(ring.at(-1));
		expect(ring.length).toBe(7);
	});
});
