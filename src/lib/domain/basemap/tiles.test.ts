import { describe, expect, it } from 'vitest';
import { chooseBasemap } from './choose';
import { DOWNLOAD_CAP, planDownload, remainingBytes } from './estimate';
import {
	coveredNeighbourhoods,
	fieldArea,
	tileAt,
	tileBbox,
	tileCounts,
	tilesOf,
	type Bbox
} from './tiles';

describe('tiles over an area', () => {
	it('finds the tile of a point (Copenhagen Central Station at zoom 14)', () => {
		expect(tileAt(12.5646, 55.6724, 14)).toEqual({ x: 8763, y: 5128 });
		const b = tileBbox({ z: 14, x: 8763, y: 5128 });
		expect(b[0]).toBeLessThanOrEqual(12.5646);
		expect(b[2]).toBeGreaterThan(12.5646);
		expect(b[1]).toBeLessThanOrEqual(55.6724);
		expect(b[3]).toBeGreaterThan(55.6724);
	});

	it('the field area holds the three neighbourhoods with a margin, in a few hundred tiles to zoom 16', () => {
		const area = fieldArea();
		expect(coveredNeighbourhoods(area)).toEqual(['vesterbro', 'nordvest', 'sundholm']);
		expect(area[0]).toBeLessThan(12.516 - 0.01);
		const counts = tileCounts(area, 10, 16);
		expect(counts[0]).toBeLessThanOrEqual(4);
		const total = counts.reduce((a, b) => a + b, 0);
		expect(total).toBeGreaterThan(300);
		expect(total).toBeLessThan(DOWNLOAD_CAP.tiles);
		expect([...tilesOf(area, 10, 16)]).toHaveLength(total);
	});

	it('estimates a download before it starts and refines it with the tiles that came', () => {
		const plan = planDownload(fieldArea(), { min: 10, max: 16 }, { maxzoom: 14 });
		expect(plan).toMatchObject({ minZoom: 10, maxZoom: 14, overCap: false });
		expect(plan.bytes).toBeGreaterThan(1e6);
		expect(remainingBytes(plan, plan.tiles / 2, 1000)).toBe(2000);
		const wide = planDownload([8, 54.5, 15.2, 57.8], { min: 10, max: 16 }, {});
		expect(wide.overCap).toBe(true);
	});
});

describe('which basemap a screen draws', () => {
	const archive: Bbox = [12.5, 55.64, 12.63, 55.73];
	const inside: Bbox = [12.54, 55.66, 12.57, 55.68];
	const outside: Bbox = [12.4, 55.6, 12.7, 55.8];
	const base = { archive, view: inside, online: true, onlineAllowed: true, outsideAllowed: false };

	it('draws the stored map online and offline, so no tile request leaves the device', () => {
		expect(chooseBasemap(base)).toBe('archive');
		expect(chooseBasemap({ ...base, view: outside })).toBe('archive');
		expect(chooseBasemap({ ...base, online: false })).toBe('archive');
	});
	it('asks the online map outside the stored area only when the setting allows it', () => {
		const allowed = { ...base, outsideAllowed: true };
		expect(chooseBasemap(allowed)).toBe('archive');
		expect(chooseBasemap({ ...allowed, view: outside })).toBe('online');
		expect(chooseBasemap({ ...allowed, view: outside, online: false })).toBe('archive');
		expect(chooseBasemap({ ...allowed, view: outside, onlineAllowed: false })).toBe('archive');
	});
	it('without a stored map: online when it can, else the plain offline style', () => {
		expect(chooseBasemap({ ...base, archive: null })).toBe('online');
		expect(chooseBasemap({ ...base, archive: null, online: false })).toBe('fallback');
	});
});
