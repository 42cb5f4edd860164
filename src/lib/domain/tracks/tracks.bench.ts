import { DOMParser } from '@xmldom/xmldom';
import { bench, describe } from 'vitest';
import { destination, haversine } from './geo';
import { parseGpx } from './gpx';
import { readGpx } from './gpx-scan';
import { toGpx } from './gpx-export';
import { detectStops } from './stops';
import { syntheticTrack } from './synthetic';
import { sliceTrack } from './track';

/**
 * Each group measures a baseline in the same run, so the result reads as a ratio that holds
 * on a slow or busy machine. Run: npx vitest bench --run src/lib/domain/tracks
 */
const N = 100_000;
const T0 = Date.UTC(2026, 2, 3, 6, 0);
const CENTRE = { lat: 55.6649, lon: 12.5516 };

// About 30 hours at 1 Hz: 60 stops of 5–34 minutes around Vesterbro, walks between, outliers.
const day = sliceTrack(
	syntheticTrack({
		seed: 2026,
		start: T0,
		stops: Array.from({ length: 60 }, (_, k) => ({
			...destination(CENTRE.lat, CENTRE.lon, (k * 67) % 360, 300 + ((k * 131) % 900)),
			dwellMs: (5 + (k % 30)) * 60_000
		})),
		outlierRate: 0.01
	}).track,
	0,
	N
);

// The target was a wall-clock assertion in stops.test.ts; here it is measured against a baseline.
describe(`stop detection over ${N} fixes (target ≤ 50 ms)`, () => {
	// Results go somewhere, so the work cannot be optimised away.
	let _sink = 0;
	bench('baseline: a bare loop of haversine distances', () => {
		const { lat, lon, count } = day;
		for (let i = 1; i < count; i++) _sink += haversine(lat[i - 1]!, lon[i - 1]!, lat[i]!, lon[i]!);
	});
	bench('detectStops', () => {
		_sink += detectStops(day).length;
	});
});

const gpxText = toGpx(day, { name: 'bench' });
const jsonText = JSON.stringify(
	Array.from({ length: day.count }, (_, i) => ({ t: day.t[i], lat: day.lat[i], lon: day.lon[i] }))
);
const parser = new DOMParser({ onError: () => {} });
// A parse of 100,000 points takes seconds under xmldom: a few rounds are enough.
const slow = { time: 0, iterations: 3, warmupTime: 0, warmupIterations: 1 };

describe(`GPX import of ${N} points (${(gpxText.length / 1e6).toFixed(1)} MB)`, () => {
	bench(
		'baseline: JSON.parse of the same points as plain objects',
		() => {
			JSON.parse(jsonText);
		},
		slow
	);
	bench(
		'readGpx (saxes, what the app runs in its worker)',
		() => {
			const r = readGpx(gpxText);
			if (!r.ok || r.value.pointCount !== N) throw new Error('bench GPX did not import');
		},
		slow
	);
	bench(
		'parseGpx (xmldom DOMParser + togeojson)',
		() => {
			const r = parseGpx(gpxText, parser);
			if (!r.ok || r.value.pointCount !== N) throw new Error('bench GPX did not import');
		},
		slow
	);
});
