import { describe, expect, it } from 'vitest';
import { testPlace } from '$lib/testing/place';
import { CATEGORY_COLOURS, locationCentre, placeFeatures } from './place-layers';

describe('places as map features', () => {
	it('draws a point with its radius as an area and a dot, and leaves out places without a position', () => {
		const trappen = testPlace({
			name: 'Trappen',
			category: 'hangout',
			location: { type: 'point', lon: 12.56, lat: 55.67, radius: 30 }
		});
		const bench = testPlace({
			name: 'Bænken',
			location: { type: 'point', lon: 12.5, lat: 55.6, radius: 0 }
		});
		const team = testPlace({ name: 'Gadeteamet' });
		const fc = placeFeatures([trappen, bench, team]);
		expect(fc.features.map((f) => [f.properties.name, f.geometry.type])).toEqual([
			['Trappen', 'Polygon'],
			['Trappen', 'Point'],
			['Bænken', 'Point']
		]);
		expect(fc.features[0]!.properties.colour).toBe(CATEGORY_COLOURS.hangout);
	});

	it('puts the dot of a drawn area at the mean of its corners', () => {
		const ring: [number, number][] = [
			[12, 55],
			[12.02, 55],
			[12.02, 55.02],
			[12, 55.02],
			[12, 55]
		];
		const [lon, lat] = locationCentre({ type: 'polygon', ring });
		expect(lon).toBeCloseTo(12.01, 9);
		expect(lat).toBeCloseTo(55.01, 9);
		const park = testPlace({ name: 'Parken', location: { type: 'polygon', ring } });
		expect(placeFeatures([park]).features.map((f) => f.geometry.type)).toEqual([
			'Polygon',
			'Point'
		]);
	});
});
