// The heatmap benchmark's worker, bundled by heatmap.bench.ts for the browser: it makes the
// synthetic workload and times computeHeatmap and the two yardsticks in the same worker, on the
// same data, so the ratios compare like with like. Not part of the app.
import { binFloor, naiveTurfHeatmap, namedFloor } from '../../src/lib/domain/heatmap/baselines';
import { generateBenchData } from '../../src/lib/testing/heatmap-bench-data';
import { clearHeatmapCaches } from '../../src/lib/domain/heatmap/cache';
import { computeHeatmap } from '../../src/lib/domain/heatmap/compute';
import type { HeatmapInput } from '../../src/lib/domain/heatmap/schema';

export type BenchRequest =
	| { kind: 'generate'; fixes: number; participants: number; respondents?: number }
	| {
			kind: 'time';
			what: 'compute' | 'cold' | 'floor' | 'turf' | 'named' | 'named-cold' | 'named-floor';
			runs: number;
	  };

let data: HeatmapInput | null = null;
const RUN: Record<string, () => unknown> = {
	compute: () => computeHeatmap(data!),
	cold: () => {
		clearHeatmapCaches();
		return computeHeatmap(data!);
	},
	floor: () => binFloor(data!),
	turf: () => naiveTurfHeatmap(data!),
	// Places named over every source: the fixes, the notes and the named places together.
	named: () => computeHeatmap(data!, { metric: 'places-named' }),
	'named-cold': () => {
		clearHeatmapCaches();
		return computeHeatmap(data!, { metric: 'places-named' });
	},
	'named-floor': () => namedFloor(data!)
};

self.onmessage = (e: MessageEvent<BenchRequest>) => {
	const req = e.data;
	try {
		if (req.kind === 'generate') {
			data = null;
			const start = performance.now();
			data = generateBenchData({
				fixes: req.fixes,
				participants: req.participants,
				respondents: req.respondents
			});
			const fixes = data.tracks.reduce((n, t) => n + t.t.length, 0);
			const named = data.namedPlaces?.length ?? 0;
			self.postMessage({ ok: true, ms: performance.now() - start, fixes, named });
			return;
		}
		const times: number[] = [];
		let shown = 0;
		for (let i = 0; i < req.runs; i++) {
			const start = performance.now();
			const out = RUN[req.what]!();
			times.push(performance.now() - start);
			if (!req.what.endsWith('floor') && req.what !== 'turf')
				shown = (out as ReturnType<typeof computeHeatmap>).maps.all.cells.length;
		}
		self.postMessage({ ok: true, times, shown });
	} catch (err) {
		self.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
	}
};
