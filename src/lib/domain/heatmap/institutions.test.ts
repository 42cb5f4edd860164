import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { computeHeatmap } from './compute';
import type { HeatCell, HeatmapInput, Institution } from './schema';
import {
	cellOf,
	circle,
	dataset,
	day,
	ids,
	INSTITUTION_AT as I,
	MINUTE,
	participants,
	place,
	SHARED,
	shownCells,
	stay,
	track
} from '$lib/testing/heatmap-data';

// About 500 m south and west of the institution: clear of its 170 m reach and the cells touching it.
const SOUTH = place(I.lat - 0.0045, I.lon);
const WEST = place(I.lat, I.lon - 0.008);
const ME = { view: { kind: 'participant', participantId: 'p1' } } as const;

/** SHARED 60 min, SOUTH 10 min, the institution 30 min, WEST 10 min, SHARED 60 min. */
function dayAround(pid: string, n: number, atInstitution: 'fixes' | 'stop' = 'fixes') {
	const t0 = day(n);
	const at = (m: number) => t0 + m * MINUTE;
	const fixes = [
		stay(SHARED, at(0), 59.75),
		stay(SOUTH, at(60), 9.75),
		...(atInstitution === 'fixes' ? [stay(I, at(70), 29.75)] : []),
		stay(WEST, at(100), 9.75),
		stay(SHARED, at(110), 60)
	];
	const followAlongId = `${pid}-${n}`;
	const stops =
		atInstitution === 'stop'
			? [{ participantId: pid, followAlongId, arrivedAt: at(70), departedAt: at(100), ...I }]
			: [];
	return { tracks: [track(followAlongId, pid, ...fixes)], stops };
}

function input(pids: string[], institutions: Institution[], how: 'fixes' | 'stop' = 'fixes') {
	const days = pids.map((id, i) => dayAround(id, 1 + (i % 2), how));
	return dataset({
		participants: participants(...pids),
		tracks: days.flatMap((d) => d.tracks),
		stops: days.flatMap((d) => d.stops),
		institutions
	});
}

const weightOf = (cells: HeatCell[], p: { lat: number; lon: number }) =>
	cells.find((c) => c.cell === cellOf(p))?.weight;

describe('institutions are left out', () => {
	it('preconditions: the test places lie outside the buffer', () => {
		for (const p of [SOUTH, WEST, SHARED])
			expect(distance([p.lon, p.lat], [I.lon, I.lat], { units: 'meters' })).toBeGreaterThan(450);
	});

	it('cuts the time in the buffer and the 5 minutes either side of it', () => {
		const without = computeHeatmap(input(['p1'], []), ME).maps.all.cells;
		expect(weightOf(without, SOUTH)).toBeCloseTo(10, 0);
		expect(weightOf(without, I)).toBeCloseTo(30, 0);

		const r = computeHeatmap(input(['p1'], [circle('h17', I)]), ME);
		const cells = r.maps.all.cells;
		expect(weightOf(cells, I)).toBeUndefined();
		expect(weightOf(cells, SOUTH)).toBeCloseTo(5, 0);
		expect(weightOf(cells, WEST)).toBeCloseTo(5, 0);
		expect(weightOf(cells, SHARED)).toBeCloseTo(120, 0);
		expect(r.maps.all.report.institutionShare).toBeCloseTo(40 / 170, 2);
		expect(r.maps.all.report.cellsRemovedAsInstitution).toBe(1);
	});

	it('cuts the same when the visit is a stop with no fixes', () => {
		const r = computeHeatmap(input(['p1'], [circle('h17', I)], 'stop'), ME);
		expect(weightOf(r.maps.all.cells, SOUTH)).toBeCloseTo(5, 0);
		expect(weightOf(r.maps.all.cells, WEST)).toBeCloseTo(5, 0);
		expect(weightOf(r.maps.all.cells, I)).toBeUndefined();
	});

	it('cuts the same around an institution drawn as an outline', () => {
		const d = 0.0003; // a square about 33 m by 38 m around the door
		const ring = [
			[I.lon - d, I.lat - d],
			[I.lon + d, I.lat - d],
			[I.lon + d, I.lat + d],
			[I.lon - d, I.lat + d],
			[I.lon - d, I.lat - d]
		];
		const area: Institution = {
			shape: 'area',
			id: 'mh',
			geometry: { type: 'Polygon', coordinates: [ring] }
		};
		const r = computeHeatmap(input(['p1'], [area]), ME);
		expect(weightOf(r.maps.all.cells, SOUTH)).toBeCloseTo(5, 0);
		expect(weightOf(r.maps.all.cells, I)).toBeUndefined();
	});

	it('keeps the institution out of the aggregate however many go there', () => {
		const five = ids('p', 5);
		const open = computeHeatmap(input(five, []));
		expect(shownCells(open).has(cellOf(I))).toBe(true);
		const r = computeHeatmap(input(five, [circle('h17', I)]));
		expect(shownCells(r).has(cellOf(I))).toBe(false);
		expect(weightOf(r.maps.vesterbro.cells, SOUTH)).toBeCloseTo(25.63, 1);
		expect(weightOf(open.maps.vesterbro.cells, SOUTH)).toBeCloseTo(50, 1);
	});

	it('removes whole cells that touch the buffer even when no one entered it', () => {
		// the centre of a cell about 200 m east: outside the 170 m reach, its cell reaching into it
		const east = place(I.lat, I.lon + 0.0033);
		const metres = distance([east.lon, east.lat], [I.lon, I.lat], { units: 'meters' });
		expect(metres).toBeGreaterThan(175);
		const data: HeatmapInput = dataset({
			participants: participants('p1'),
			tracks: [track('f', 'p1', stay(east, day(1), 60))],
			institutions: [circle('h17', I)]
		});
		const r = computeHeatmap(data, ME);
		expect(r.maps.all.cells).toEqual([]);
		expect(r.maps.all.report).toMatchObject({ cellsRemovedAsInstitution: 1, institutionShare: 1 });
		const wider = computeHeatmap({ ...data, institutions: [] }, ME);
		expect(wider.maps.all.cells.map((c) => c.cell)).toEqual([cellOf(east)]);
	});
});
