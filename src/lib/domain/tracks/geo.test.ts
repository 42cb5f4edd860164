import turfDistance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { bearing, destination, haversine, metresPerDegree, pathLength } from './geo';

const H17 = { lat: 55.6702, lon: 12.5601 };
const SUNDHOLM = { lat: 55.6585, lon: 12.5993 };

describe('haversine', () => {
	it('agrees with Turf', () => {
		const turf = turfDistance([H17.lon, H17.lat], [SUNDHOLM.lon, SUNDHOLM.lat], {
			units: 'meters'
		});
		expect(haversine(H17.lat, H17.lon, SUNDHOLM.lat, SUNDHOLM.lon)).toBeCloseTo(turf, 6);
	});

	it('gives 111.2 km for a degree of latitude and 0 for the same point', () => {
		expect(haversine(55, 12, 56, 12)).toBeCloseTo(111_195, 0);
		expect(haversine(55, 12, 55, 12)).toBe(0);
	});
});

describe('bearing and destination', () => {
	it('point the right way', () => {
		expect(bearing(0, 0, 1, 0)).toBeCloseTo(0, 9);
		expect(bearing(0, 0, 0, 1)).toBeCloseTo(90, 9);
		expect(bearing(0, 0, -1, 0)).toBeCloseTo(180, 9);
		expect(bearing(0, 0, 0, -1)).toBeCloseTo(270, 9);
	});

	it('are inverse to distance', () => {
		const p = destination(H17.lat, H17.lon, 123, 850);
		expect(haversine(H17.lat, H17.lon, p.lat, p.lon)).toBeCloseTo(850, 6);
		expect(bearing(H17.lat, H17.lon, p.lat, p.lon)).toBeCloseTo(123, 6);
		expect(destination(0, 179.9999, 90, 1000).lon).toBeLessThan(-179.99);
	});
});

describe('metresPerDegree', () => {
	it('matches haversine within 0.1 % over 100 m', () => {
		const k = metresPerDegree(H17.lat);
		const p = destination(H17.lat, H17.lon, 40, 100);
		const flat = Math.hypot((p.lat - H17.lat) * k.lat, (p.lon - H17.lon) * k.lon);
		expect(Math.abs(flat - 100)).toBeLessThan(0.1);
	});
});

describe('pathLength', () => {
	it('sums the legs of a polyline, or a slice of it', () => {
		const lat = [55, 55.001, 55.002, 55.002];
		const lon = [12, 12, 12, 12.001];
		const leg = haversine(55, 12, 55.001, 12);
		expect(pathLength(lat, lon, 0, 3)).toBeCloseTo(2 * leg, 6);
		expect(pathLength(lat, lon)).toBeCloseTo(2 * leg + haversine(55.002, 12, 55.002, 12.001), 6);
		expect(pathLength([], [])).toBe(0);
	});
});
