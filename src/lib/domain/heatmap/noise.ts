import type { CellStats } from './stats';
import type { HeatmapMetric, HeatmapParameters, StoredNoise } from './schema';

/*
 * Differential privacy on the weights of the shown cells. Each participant's contribution to the
 * whole map is scaled down to at most Δ (the contribution bound, L1), so one person changes the
 * released vector by at most Δ; two-sided geometric noise with α = exp(-ε/Δ) (Ghosh, Roughgarden &
 * Sundararajan 2009, the discrete Laplace) then gives ε-DP for the weights. The noise is drawn once
 * from crypto.getRandomValues and stored: re-masking with fresh noise would let repeated exports
 * be averaged back to the truth (Cassa et al. 2008).
 */

/** Default Δ per metric: two hours of time, ten notes, ten person-days per participant per map. */
export const DEFAULT_CONTRIBUTION_BOUND: Record<HeatmapMetric, number> = {
	time: 120,
	notes: 10,
	'person-days': 10
};

/** Per participant: the factor (≤ 1) that brings their total over the counted cells down to Δ. */
export function clipFactors(
	stats: CellStats,
	counted: (c: number) => boolean,
	participantCount: number,
	bound: number
): Float64Array {
	const total = new Float64Array(participantCount);
	const cells = stats.weight.length;
	for (let c = 0; c < cells; c++) {
		if (!counted(c)) continue;
		for (let i = stats.partStart[c]!; i < stats.partStart[c + 1]!; i++)
			total[stats.partList[i]!]! += stats.partWeight[i]!;
	}
	return total.map((t) => (t > bound ? bound / t : 1));
}

export function clippedWeight(stats: CellStats, c: number, factor: Float64Array): number {
	let w = 0;
	for (let i = stats.partStart[c]!; i < stats.partStart[c + 1]!; i++)
		w += stats.partWeight[i]! * factor[stats.partList[i]!]!;
	return w;
}

/** Stored noise must belong to the same map definition, or its guarantee does not carry over. */
export function checkStoredNoise(stored: StoredNoise, p: HeatmapParameters): void {
	const dp = p.dp!;
	if (
		stored.epsilon !== dp.epsilon ||
		stored.contributionBound !== dp.contributionBound ||
		stored.metric !== p.metric ||
		stored.resolution !== p.resolution
	)
		throw new Error(
			'stored noise was drawn for another ε, contribution bound, metric or resolution; ' +
				'compute the map without it to draw new noise'
		);
}

/** `count` draws of two-sided geometric noise, P(z) ∝ exp(-ε|z|/Δ). */
export function drawNoise(count: number, epsilon: number, bound: number): Int32Array {
	const out = new Int32Array(count);
	const perChunk = 4096; // 4 uint32 per draw; getRandomValues takes at most 65,536 bytes
	const words = new Uint32Array(perChunk * 4);
	const scale = bound / epsilon;
	for (let base = 0; base < count; base += perChunk) {
		crypto.getRandomValues(words);
		for (let i = 0; i < perChunk && base + i < count; i++) {
			const g1 = Math.floor(-Math.log(unit(words[4 * i]!, words[4 * i + 1]!)) * scale);
			const g2 = Math.floor(-Math.log(unit(words[4 * i + 2]!, words[4 * i + 3]!)) * scale);
			out[base + i] = g1 - g2;
		}
	}
	return out;
}

/** A uniform number in (0, 1] from 53 random bits. */
function unit(hi: number, lo: number): number {
	return ((hi >>> 5) * 67_108_864 + (lo >>> 6) + 1) / 9_007_199_254_740_992;
}
