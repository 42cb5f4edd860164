import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { exclusionArea, exclusionAreas, isExcluded, type ExclusionGeometry } from './institutions';
import type { PlaceLocation } from './place';
import { testPlace } from '$lib/testing/place';

const LAT = 55.67;
const LON = 12.56;
const M_LAT = 111_195; // metres per degree of latitude on turf's sphere
const M_LON = M_LAT * Math.cos((LAT * Math.PI) / 180);
/** A position `east`/`north` metres from (LON, LAT). */
const at = (east: number, north: number): [number, number] => [
	LON + east / M_LON,
	LAT + north / M_LAT
];
const inside = (g: ExclusionGeometry, p: [number, number]) => booleanPointInPolygon(p, g);

const point: PlaceLocation = { type: 'point', lon: LON, lat: LAT, radius: 40 };
// A 100 m square with its south-west corner at (LON, LAT).
const square: PlaceLocation = {
	type: 'polygon',
	ring: [at(0, 0), at(100, 0), at(100, 100), at(0, 100), at(0, 0)]
};

describe('exclusion buffer', () => {
	it('grows a point by its radius plus 150 m by default', () => {
		const area = exclusionArea(point);
		expect(area.type).toBe('Polygon');
		for (const [e, n] of [
			[189, 0],
			[0, -189],
			[-133, 133]
		] as const)
			expect(inside(area, at(e, n))).toBe(true);
		expect(inside(area, at(195, 0))).toBe(false);
		expect(inside(area, at(0, 195))).toBe(false);
	});

	it('is never smaller than promised between the vertices of the circle', () => {
		const coarse = exclusionArea(point, 150, 8);
		for (let deg = 0; deg < 360; deg += 5) {
			const rad = (deg * Math.PI) / 180;
			expect(inside(coarse, at(189.5 * Math.cos(rad), 189.5 * Math.sin(rad)))).toBe(true);
		}
	});

	it('grows a polygon on every side and rounds its corners', () => {
		const area = exclusionArea(square, 150);
		expect(inside(area, at(50, 50))).toBe(true);
		expect(inside(area, at(245, 50))).toBe(true);
		expect(inside(area, at(50, -145))).toBe(true);
		expect(inside(area, at(255, 50))).toBe(false);
		// Beyond a corner the buffer is a quarter circle, not a square's corner.
		expect(inside(area, at(100 + 100, 100 + 100))).toBe(true);
		expect(inside(area, at(100 + 110, 100 + 110))).toBe(false);
	});

	it('takes another buffer width and rejects nonsense', () => {
		expect(inside(exclusionArea(point, 200), at(235, 0))).toBe(true);
		expect(exclusionArea(square, 0)).toEqual({ type: 'Polygon', coordinates: [square.ring] });
		expect(() => exclusionArea(point, -1)).toThrow(RangeError);
		expect(() => exclusionArea(point, Number.NaN)).toThrow(RangeError);
		expect(() => exclusionArea(point, 5000)).toThrow(RangeError);
	});

	it('agrees with the exact distance test away from the edge', () => {
		for (const loc of [point, square]) {
			const area = exclusionArea(loc);
			for (let e = -300; e <= 400; e += 25)
				for (let n = -300; n <= 400; n += 25) {
					const p = at(e, n);
					const exact = isExcluded(p[0], p[1], loc);
					const near =
						isExcluded(p[0], p[1], loc, 145) !== exact ||
						isExcluded(p[0], p[1], loc, 155) !== exact;
					if (!near) expect(inside(area, p), `${e},${n}`).toBe(exact);
				}
		}
	});
});

describe('exclusion areas for the map', () => {
	const h17 = testPlace({
		name: 'H17',
		institution: true,
		institutionKind: 'consumption-room',
		location: point,
		positionToVerify: true
	});
	it('draws live institutions with a position, and only those', () => {
		const places = [
			h17,
			testPlace({ name: 'Trappen', location: point }),
			testPlace({ name: 'Gadeteamet', institution: true, institutionKind: 'street-team' }),
			testPlace(
				{ name: 'Old', institution: true, institutionKind: 'shelter', location: point },
				{ deletedAt: 9 }
			),
			testPlace({
				name: 'Dup',
				institution: true,
				institutionKind: 'shelter',
				location: point,
				mergedInto: h17.id
			})
		];
		const fc = exclusionAreas(places);
		expect(fc.features.map((f) => f.properties)).toEqual([
			{ placeId: h17.id, name: 'H17', institutionKind: 'consumption-room', positionToVerify: true }
		]);
	});
	it('leaves out institutions that were closed on the given day', () => {
		const closed = testPlace({
			name: 'Closed shelter',
			institution: true,
			institutionKind: 'shelter',
			location: square,
			validTo: '2023-12-31'
		});
		expect(exclusionAreas([h17, closed], { day: '2024-05-01' }).features).toHaveLength(1);
		expect(exclusionAreas([h17, closed], { day: '2023-05-01' }).features).toHaveLength(2);
		expect(exclusionAreas([h17, closed]).features).toHaveLength(2);
	});
});
