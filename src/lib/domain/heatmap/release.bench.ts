import { afterAll, bench, describe } from 'vitest';
import { binFloor } from './baselines';
import { generateBenchData } from '$lib/testing/heatmap-bench-data';
import { computeHeatmap } from './compute';
import { checkRelease, type EarlierRelease } from './releases';
import type { HeatmapArea } from './schema';

/*
 * Issue 13's benchmark: checking a new map against 20 earlier releases adds at most 100 ms. The
 * earlier releases are made as the app makes them, one after the other, each checked against
 * those before it: four grids (7–10), the four areas, and the data changing between them (a few
 * participants withdrawing each time). The new map is the whole study area at resolution 9,
 * 1,000,000 fixes from 200 participants. Also printed: what the evidence (what a release is
 * checked with) adds to the computation, against the bare binning floor of heatmap.bench.ts.
 * Run: npx vitest bench --run src/lib/domain/heatmap/release.bench.ts
 */

const data = generateBenchData({ fixes: 1_000_000, participants: 200, seed: 13 });
const AREAS: HeatmapArea[] = ['all', 'vesterbro', 'nordvest', 'sundholm'];
const times: Record<string, number[]> = {};
const median = (xs: number[] = []) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

function timed(name: string, fn: () => unknown): () => void {
	return () => {
		const start = performance.now();
		fn();
		(times[name] ??= []).push(performance.now() - start);
	};
}

/** The data with the first `n` participants withdrawn. */
function withdrawn(n: number) {
	return {
		...data,
		participants: data.participants.map((p, i) => (i < n ? { ...p, withdrawn: true } : p))
	};
}

const earlier: EarlierRelease[] = [];
for (let i = 0; i < 20; i++) {
	const resolution = (7 + (i % 4)) as 7 | 8 | 9 | 10;
	const area = AREAS[Math.floor(i / 4) % 4]!;
	const result = computeHeatmap(withdrawn(i), { resolution, evidence: true });
	const s = checkRelease(result.maps[area], result.evidence!, earlier);
	earlier.push({ ...s, id: `r${i}`, releasedAt: i + 1, title: `release ${i}` });
}
const fresh = computeHeatmap(withdrawn(20), { evidence: true });

describe('release check: a new map against 20 earlier releases (target ≤ 100 ms)', () => {
	bench(
		'baseline: computeHeatmap of the new map, with its evidence',
		timed('evidence', () => computeHeatmap(withdrawn(20), { evidence: true })),
		{ iterations: 10, warmupIterations: 3 }
	);
	bench(
		'checkRelease against the 20 earlier releases',
		timed('check', () => checkRelease(fresh.maps.all, fresh.evidence!, earlier)),
		{ iterations: 20, warmupIterations: 3 }
	);
	bench(
		'floor: bin every fix into a square grid',
		timed('floor', () => binFloor(data)),
		{
			iterations: 20,
			warmupIterations: 5
		}
	);
	bench(
		'computeHeatmap without evidence',
		timed('plain', () => computeHeatmap(withdrawn(20))),
		{ iterations: 10, warmupIterations: 3 }
	);
});

afterAll(() => {
	const [check, evidence, plain, floor] = ['check', 'evidence', 'plain', 'floor'].map((k) =>
		median(times[k])
	) as [number, number, number, number];
	const ms = (x: number) => `${x.toFixed(1)} ms`;
	console.log(
		[
			'release bench (medians):',
			`  checkRelease against 20 earlier releases: ${ms(check)} (target ≤ 100 ms); ` +
				`${earlier.reduce((n, r) => n + r.evidence.cells.length, 0)} cells of evidence in them`,
			`  computeHeatmap of 1,000,000 fixes: ${ms(plain)} without evidence, ${ms(evidence)} with ` +
				`(${(evidence / floor).toFixed(1)}× the floor of ${ms(floor)}; without: ${(plain / floor).toFixed(1)}×)`
		].join('\n')
	);
});
