import { describe, expect, it } from 'vitest';
import { trackFromFixes } from '$lib/domain/tracks/track';
import type { Fix } from '$lib/domain/tracks/fix';
import { routeBounds, routeFeatures } from './route';

const f = (t: number, src: Fix['src'] = 'gps', gapBefore = false): Fix => ({
	t,
	lat: 55 + t / 1000,
	lon: 12,
	acc: 5,
	src,
	...(gapBefore ? { gapBefore } : {})
});

describe('routeFeatures', () => {
	it('splits at gaps and where the route turns reconstructed, sharing the joint', () => {
		const track = trackFromFixes([
			f(0),
			f(1),
			f(2, 'reconstructed'),
			f(3, 'reconstructed'),
			f(4),
			f(5, 'gps', true),
			f(6),
			f(7, 'gps', true)
		]);
		const out = routeFeatures(track).features.map((ft) => [
			ft.geometry.type,
			ft.properties?.reconstructed,
			ft.geometry.type === 'LineString'
				? ft.geometry.coordinates.map((c) => Math.round((c[1]! - 55) * 1000))
				: []
		]);
		expect(out).toEqual([
			['LineString', false, [0, 1]],
			['LineString', true, [1, 2, 3, 4]],
			['LineString', false, [5, 6]],
			['Point', false, []]
		]);
	});

	it('frames the route and stops, and a single point with room around it', () => {
		expect(routeBounds(trackFromFixes([]))).toBeNull();
		const b = routeBounds(trackFromFixes([f(0)]), [{ lat: 55, lon: 12.01 }])!;
		expect(b[0][0]).toBe(12);
		expect(b[1][0]).toBe(12.01);
		expect(b[1][1] - b[0][1]).toBeCloseTo(0.002);
	});
});
