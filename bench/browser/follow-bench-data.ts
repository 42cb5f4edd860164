import { mkdirSync, writeFileSync } from 'node:fs';
import { toGpx } from '../../src/lib/domain/tracks/gpx-export';
import { destination } from '../../src/lib/domain/tracks/geo';
import { syntheticTrack } from '../../src/lib/domain/tracks/synthetic';
import { sliceTrack, type Track } from '../../src/lib/domain/tracks/track';

/** A long synthetic day around Vesterbro at 1 Hz, cut to exactly `n` fixes (seeded: the same every run). */
export function benchDay(n: number): Track {
	const centre = { lat: 55.6649, lon: 12.5516 };
	const track = syntheticTrack({
		seed: 2026,
		start: Date.UTC(2026, 2, 3, 6, 0),
		stops: Array.from({ length: Math.ceil(n / 1500) }, (_, k) => ({
			...destination(centre.lat, centre.lon, (k * 67) % 360, 300 + ((k * 131) % 900)),
			dwellMs: (5 + (k % 30)) * 60_000
		})),
		outlierRate: 0
	}).track;
	if (track.count < n) throw new Error(`synthetic day too short: ${track.count} < ${n}`);
	return sliceTrack(track, 0, n);
}

export function benchGpx(n: number): string {
	return toGpx(benchDay(n), { name: `bench ${n}` });
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Where the app is: `npm run bench` serves it and passes BENCH_APP_URL; run on their own
 * (follow.config.ts) the specs use the config's baseURL, so paths stay relative.
 */
export const APP = process.env.BENCH_APP_URL?.replace(/\/$/, '') ?? '';

/** One row for the summary `npm run bench` prints (the shape of its bench/browser/support.ts). */
export function record(
	id: string,
	result: {
		figure: string;
		value: number;
		baseline: number;
		unit: string;
		target: string;
		pass: boolean;
		notes?: string;
	}
): void {
	const dir = new URL('../.out/results/', import.meta.url).pathname;
	mkdirSync(dir, { recursive: true });
	writeFileSync(`${dir}${id}.json`, JSON.stringify(result, null, 2));
}
