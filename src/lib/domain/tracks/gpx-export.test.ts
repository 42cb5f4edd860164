import { DOMParser } from '@xmldom/xmldom';
import type { LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Fix } from './fix';
import { parseGpx } from './gpx';
import { toGeoJson, toGpx, type ExportStop } from './gpx-export';
import { syntheticTrack } from './synthetic';
import { gapBefore, trackFromFixes } from './track';

const parser = new DOMParser({ onError: () => {} });
const T0 = Date.UTC(2026, 2, 3, 9, 0);
const MIN = 60_000;

describe('toGpx', () => {
	const { track } = syntheticTrack({
		seed: 11,
		start: T0,
		stops: [
			{ lat: 55.6649, lon: 12.5516, dwellMs: 6 * MIN },
			{ lat: 55.668, lon: 12.556, dwellMs: 6 * MIN }
		],
		gaps: [{ at: 8 * MIN, durationMs: 2 * MIN }]
	});
	const stops: ExportStop[] = [
		{
			arrivedAt: T0,
			departedAt: T0 + 6 * MIN,
			lat: 55.6649,
			lon: 12.5516,
			name: 'Bench <by> "Café" & co'
		}
	];

	it('writes GPX 1.1 that imports back: same points, times, segments and stops', () => {
		const text = toGpx(track, { name: 'Day 1', stops });
		expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<gpx version="1\.1"/);
		expect(text.indexOf('<wpt')).toBeLessThan(text.indexOf('<trk>')); // schema order
		const r = parseGpx(text, parser, { gapMs: Infinity });
		if (!r.ok) throw new Error(r.problem.message);
		const back = r.value.track;
		expect(back.count).toBe(track.count);
		expect(Array.from(back.t)).toEqual(Array.from(track.t));
		for (let i = 0; i < track.count; i += 97) {
			expect(back.lat[i]).toBeCloseTo(track.lat[i]!, 6);
			expect(back.lon[i]).toBeCloseTo(track.lon[i]!, 6);
			expect(gapBefore(back, i)).toBe(gapBefore(track, i));
		}
		expect(r.value.segments).toHaveLength(2);
		expect(r.value.name).toBe('Day 1');
		expect(r.value.waypoints).toEqual([
			{ lat: 55.6649, lon: 12.5516, t: T0, name: 'Bench <by> "Café" & co' }
		]);
	});

	it('writes a valid file for an empty track', () => {
		const r = parseGpx(toGpx(trackFromFixes([])), parser);
		expect(!r.ok && r.problem.code).toBe('no-points');
	});
});

describe('toGeoJson', () => {
	const fix = (t: number, src: Fix['src'] = 'gps', gap = false): Fix => ({
		t: T0 + t * 1000,
		lat: 55 + t * 1e-5,
		lon: 12,
		acc: 5,
		src,
		...(gap ? { gapBefore: true } : {})
	});
	const track = trackFromFixes([
		fix(0),
		fix(10),
		fix(20, 'reconstructed'),
		fix(30, 'reconstructed'),
		fix(40),
		fix(100, 'gps', true),
		fix(200, 'gps', true),
		fix(210)
	]);

	it('splits lines at gaps and at changes between recorded and reconstructed', () => {
		const fc = toGeoJson(track, {
			stops: [{ arrivedAt: T0, departedAt: T0 + 600_000, lat: 55, lon: 12 }]
		});
		const route = fc.features.filter((f) => f.properties?.kind === 'route');
		expect(
			route.map((f) => [f.geometry.type, f.properties?.reconstructed, f.properties?.part])
		).toEqual([
			['LineString', false, 0],
			['LineString', true, 0],
			['Point', false, 1],
			['LineString', false, 2]
		]);
		// The sketched stretch shares its end fixes with the recorded ones: no hole in the line.
		expect((route[0]!.geometry as LineString).coordinates).toHaveLength(2);
		expect((route[1]!.geometry as LineString).coordinates).toEqual([
			[12, 55 + 10e-5],
			[12, 55 + 20e-5],
			[12, 55 + 30e-5],
			[12, 55 + 40e-5]
		]);
		expect(route[1]!.properties?.coordinateProperties.times[0]).toBe(
			new Date(T0 + 10_000).toISOString()
		);
		const stop = fc.features.find((f) => f.properties?.kind === 'stop')!;
		expect((stop.geometry as Point).coordinates).toEqual([12, 55]);
		expect(stop.properties?.dwellMinutes).toBe(10);
	});
});
