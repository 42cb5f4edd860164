import { z } from 'zod';
import { Timestamp } from '../records/record';
import { StoredNoise, type HeatmapMetric } from './schema';

/*
 * A saved heatmap: what has to outlive the computation so that a map computed again, or exported
 * again, is the same map. That is the differential-privacy noise (Cassa et al. 2008: fresh noise
 * per export averages away); the cells themselves are recomputed from the data each time.
 */

/** One saved record per combination the noise is valid for (metric, resolution, ε, Δ). */
export function noiseKey(n: {
	metric: HeatmapMetric;
	resolution: number;
	epsilon: number;
	contributionBound: number;
}): string {
	return `dp:${n.metric}:${n.resolution}:${n.epsilon}:${n.contributionBound}`;
}

export const SavedHeatmapContent = z
	.object({
		key: z.string().min(1).max(100),
		noise: StoredNoise,
		/** When a map last used (and perhaps grew) this noise. */
		computedAt: Timestamp
	})
	.refine((c) => c.key === noiseKey(c.noise), {
		message: 'the key does not match the noise',
		path: ['key']
	});
export type SavedHeatmapContent = z.infer<typeof SavedHeatmapContent>;
