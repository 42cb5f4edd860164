import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellEdgeMetres } from '../geo/cells';
import { computeHeatmap } from './compute';
import { toGeoJson } from './geojson';
import { localProjection } from './projection';
import { HEATMAP_AREAS, type HeatmapInput, type HeatmapOptionsInput } from './schema';
import {
	circle,
	day,
	HOME,
	ids,
	INSTITUTION_AT,
	NORDVEST_SPOT,
	participants,
	place,
	SHARED,
	stay,
	track,
	walk,
	dataset,
	type Pt,
	type Seg
} from '$lib/testing/heatmap-data';

/*
 * The attack: someone holds every export of a dataset built around two hidden places, the home of
 * one participant (the target) and an institution, and tries to locate them from the GeoJSON alone.
 * The claim is that neither can be placed better than a cell: the home's cell is never shown, and a
 * shown cell whose centre lies within one edge length of the home is one that at least k people
 * genuinely share; nothing is shown within the institution's buffer.
 */

const EDGE = cellEdgeMetres(9);
// "The stairs": a hang-out 200 m from the shelter, outside its buffer, in a cell touching it.
const STAIRS = place(INSTITUTION_AT.lat, INSTITUTION_AT.lon + 0.0033);
// A second home right next to the popular place: the cell beside SHARED's.
const [nlat, nlon] = cellToLatLng(gridDisk(latLngToCell(SHARED.lat, SHARED.lon, 9), 1)[1]!);
const HOME_NEXT_DOOR = place(nlat!, nlon!);
const crowd = ids('c', 7);

type Leg = [Pt, number] | [Pt, Pt, number];

/** Consecutive stays ([place, minutes]) and walks ([from, to, minutes]), 15 s between fixes. */
function route(start: number, ...legs: Leg[]): Seg[] {
	let at = start;
	return legs.map((leg) => {
		const seg = leg.length === 2 ? stay(leg[0], at, leg[1]) : walk(leg[0], leg[1], at, leg[2]);
		at = seg.t.at(-1)! + 15_000;
		return seg;
	});
}

function scenario(): HeatmapInput {
	const tracks = [];
	for (let n = 1; n <= 6; n++) {
		// the target: morning and evening at home, half an hour at the popular place, the shelter
		const day_ = route(
			day(n, 7),
			[HOME, 120],
			[HOME, SHARED, 12],
			[SHARED, 30],
			[SHARED, INSTITUTION_AT, 20],
			[INSTITUTION_AT, 60],
			[INSTITUTION_AT, HOME, 25],
			[HOME, 240]
		);
		tracks.push(
			track(`t-${n}`, 'target', ...day_),
			track(`nd-${n}`, 'neighbour', stay(HOME_NEXT_DOOR, day(n, 18), 180))
		);
	}
	crowd.forEach((id, i) => {
		const n = 1 + (i % 2);
		tracks.push(
			track(
				`${id}-a`,
				id,
				...route(day(n, 13), [SHARED, 40], [SHARED, INSTITUTION_AT, 20], [INSTITUTION_AT, 45])
			),
			// five of them pass the target's door for two minutes: k and days are met there
			...(i < 5 ? [track(`${id}-b`, id, stay(HOME, day(n, 16), 2))] : []),
			track(`${id}-c`, id, stay(NORDVEST_SPOT, day(n + 2, 12), 30)),
			track(`${id}-d`, id, stay(STAIRS, day(n + 3, 20), 30))
		);
	});
	return dataset({
		participants: participants('target', 'neighbour', ...crowd),
		tracks,
		institutions: [circle('shelter', INSTITUTION_AT, 25)]
	});
}

/** Who really had fixes in each cell: the ground truth the exporter never sees. */
function truth(input: HeatmapInput): Map<string, Set<string>> {
	const people = new Map<string, Set<string>>();
	for (const tr of input.tracks)
		for (let i = 0; i < tr.t.length; i++) {
			const cell = latLngToCell(tr.lat[i]!, tr.lon[i]!, 9);
			people.set(cell, (people.get(cell) ?? new Set()).add(tr.participantId));
		}
	return people;
}

/** Metres from p to the nearest point of a polyline ([lon, lat] positions). */
function metresTo(p: Pt, ring: number[][]): number {
	const proj = localProjection(p.lat, p.lon);
	const xy = ring.map(([lon, lat]) => [(lon! - p.lon) * proj.mx, (lat! - p.lat) * proj.my]);
	let best = Infinity;
	for (let i = 0; i < xy.length; i++) {
		const [ax, ay] = xy[i]!;
		const [bx, by] = xy[Math.min(i + 1, xy.length - 1)]!;
		const [dx, dy] = [bx! - ax!, by! - ay!];
		const len2 = dx * dx + dy * dy;
		const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax! * dx + ay! * dy) / len2));
		best = Math.min(best, Math.hypot(ax! + t * dx, ay! + t * dy));
	}
	return best;
}

describe('attack: locating a hidden place from the exported GeoJSON', () => {
	const input = scenario();
	const people = truth(input);

	it('preconditions: the home is busy, passed by five others, and next to a popular cell', () => {
		expect(people.get(latLngToCell(HOME.lat, HOME.lon, 9))?.size).toBe(6);
		expect(people.get(latLngToCell(SHARED.lat, SHARED.lon, 9))?.size).toBe(8);
		expect(people.get(latLngToCell(STAIRS.lat, STAIRS.lon, 9))?.size).toBe(7);
		expect(metresTo(HOME_NEXT_DOOR, [[SHARED.lon, SHARED.lat]])).toBeLessThan(2 * EDGE);
	});

	const variants: [string, HeatmapOptionsInput, number][] = [
		['default', {}, 5],
		['publication', { preset: 'publication' }, 10],
		['person-days', { metric: 'person-days' }, 5]
	];
	for (const [name, options, k] of variants)
		it(`cannot place the homes or the institution better than a cell (${name})`, () => {
			const result = computeHeatmap(input, options);
			const exported = HEATMAP_AREAS.map((area) =>
				toGeoJson(JSON.parse(JSON.stringify(result)), area)
			);
			const features = exported.flatMap((fc) => fc.features);
			if (name === 'default') {
				// the popular cell next door is shown (it has eight people), the target's is not
				const shown = result.maps.all.cells.map((c) => c.cell);
				expect(shown).toContain(latLngToCell(SHARED.lat, SHARED.lon, 9));
				expect(shown).not.toContain(latLngToCell(HOME.lat, HOME.lon, 9));
				expect(result.maps.all.report.cellsSuppressed.dominance).toBeGreaterThan(0);
			}
			for (const f of features) {
				expect(Object.keys(f.properties).sort()).toEqual(['class', 'weight']);
				for (const hidden of [HOME, HOME_NEXT_DOOR]) {
					expect(booleanPointInPolygon([hidden.lon, hidden.lat], f)).toBe(false);
					const ring = f.geometry.coordinates[0]!;
					const [clat, clon] = [
						ring.slice(0, -1).reduce((s, p) => s + p[1]!, 0) / 6,
						ring.slice(0, -1).reduce((s, p) => s + p[0]!, 0) / 6
					];
					const centre = metresTo(hidden, [[clon, clat]]);
					if (centre < EDGE)
						expect(people.get(latLngToCell(clat, clon, 9))?.size ?? 0).toBeGreaterThanOrEqual(k);
				}
				expect(booleanPointInPolygon([INSTITUTION_AT.lon, INSTITUTION_AT.lat], f)).toBe(false);
				expect(metresTo(INSTITUTION_AT, f.geometry.coordinates[0]!)).toBeGreaterThan(150 + 25);
			}
		});
});
