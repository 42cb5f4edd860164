import { afterAll, bench, describe } from 'vitest';
import { binFloor, naiveTurfHeatmap } from './baselines';
import { generateBenchData } from '$lib/testing/heatmap-bench-data';
import { clearHeatmapCaches } from './cache';
import { computeHeatmap } from './compute';

/*
 * Issue 7's benchmarks, in one file so that nothing runs beside them:
 * - 5,000,000 fixes once, first, while the process is still small: it must complete with peak
 *   memory ≤ 1.5 GB. RSS is sampled at every progress report (the computation is synchronous, so
 *   a timer could not) and compared with the operating system's high-water mark.
 * - 1,000,000 fixes from 200 participants: computeHeatmap against the floor (a bare typed-array
 *   pass that bins the fixes) and a naive Turf pipeline on the same data. Targets: ≤ 1 s, ≥ 30×
 *   faster than Turf, ≤ 10× the floor. Medians and ratios are printed after Vitest's table.
 * Run: npx vitest bench --run src/lib/domain/heatmap
 */

const ONCE = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };
const times: Record<string, number[]> = {};
const lines: string[] = [];
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function timed(name: string, fn: () => unknown): () => void {
	return () => {
		const start = performance.now();
		fn();
		(times[name] ??= []).push(performance.now() - start);
	};
}

const median = (xs: number[] = []) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

describe('heatmap: 5,000,000 fixes, 200 participants', () => {
	bench(
		'computeHeatmap once (input generated first)',
		() => {
			// Vitest may call a task more than once whatever its options: measure only the first.
			if (lines.length > 0) return;
			let peak = process.memoryUsage().rss;
			const sample = () => void (peak = Math.max(peak, process.memoryUsage().rss));
			const data = generateBenchData({ fixes: 5_000_000, participants: 200 });
			sample();
			const start = performance.now();
			computeHeatmap(data, {}, sample);
			const ms = performance.now() - start;
			sample();
			const osPeak = process.resourceUsage().maxRSS * 1024;
			lines.push(
				`5,000,000 fixes: ${ms.toFixed(0)} ms; peak RSS ${mib(peak)} sampled, ` +
					`${mib(osPeak)} process high-water mark (limit 1.5 GB), input included`
			);
		},
		ONCE
	);
});

describe('heatmap: 1,000,000 fixes, 200 participants', () => {
	const data = generateBenchData({ fixes: 1_000_000, participants: 200 });
	bench(
		'computeHeatmap (grid cached, as in a worker)',
		timed('compute', () => computeHeatmap(data)),
		{
			iterations: 30,
			warmupIterations: 5
		}
	);
	bench(
		'computeHeatmap, cold (grid and institutions rebuilt)',
		timed('cold', () => {
			clearHeatmapCaches();
			computeHeatmap(data);
		}),
		{ iterations: 20, warmupIterations: 5 }
	);
	bench(
		'floor: bin every fix into a square grid',
		timed('floor', () => binFloor(data)),
		{
			iterations: 60,
			warmupIterations: 10
		}
	);
	bench(
		'naive Turf: pointsWithinPolygon + hexGrid + collect',
		timed('turf', () => naiveTurfHeatmap(data)),
		ONCE
	);
});

describe('heatmap: places named, 1,000,000 fixes plus 10,000 respondents × 5 places', () => {
	const data = generateBenchData({ fixes: 1_000_000, participants: 200, respondents: 10_000 });
	bench(
		'computeHeatmap, places named (all sources)',
		timed('named', () => computeHeatmap(data, { metric: 'places-named' })),
		{ iterations: 20, warmupIterations: 3 }
	);
});

afterAll(() => {
	const [compute, cold, floor, turf] = ['compute', 'cold', 'floor', 'turf'].map((k) =>
		median(times[k])
	) as [number, number, number, number];
	const ms = (x: number) => `${x.toFixed(1)} ms`;
	console.log(
		[
			`heatmap bench (medians of ${['compute', 'cold', 'floor', 'turf'].map((k) => `${k} ${times[k]?.length ?? 0}`).join(', ')} runs):`,
			`  ${lines.join('\n  ')}`,
			`  1,000,000 fixes: computeHeatmap ${ms(compute)} (cold ${ms(cold)}), floor ${ms(floor)}, naive Turf ${ms(turf)}`,
			`  vs naive Turf: ${(turf / compute).toFixed(0)}× faster (cold ${(turf / cold).toFixed(0)}×; target ≥ 30×)`,
			`  vs floor: ${(compute / floor).toFixed(1)}× the floor (cold ${(cold / floor).toFixed(1)}×; target ≤ 10×)`,
			`  places named, 1,000,000 fixes + 50,000 named places: ${ms(median(times.named))} (target ≤ 1 s)`
		].join('\n')
	);
});
