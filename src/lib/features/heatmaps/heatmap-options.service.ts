import { DEFAULT_CONTRIBUTION_BOUND } from '$lib/domain/heatmap/noise';
import { noiseKey } from '$lib/domain/heatmap/saved';
import type { HeatmapMetric, HeatmapOptionsInput } from '$lib/domain/heatmap/schema';
import type { CellResolution } from '$lib/domain/geo/cell-schema';
import { savedNoise } from '$lib/db/heatmaps.repo';

/** What the user chooses on the Heatmaps screen, in the words of the form. */
export interface HeatmapForm {
	metric: HeatmapMetric;
	resolution: CellResolution;
	preset: 'standard' | 'publication';
	includeReconstructed: boolean;
	view: 'aggregate' | 'participant';
	participantId: string | null;
	dp: boolean;
	epsilon: number;
}

export const DEFAULT_FORM: HeatmapForm = {
	metric: 'time',
	resolution: 9,
	preset: 'standard',
	includeReconstructed: false,
	view: 'aggregate',
	participantId: null,
	dp: false,
	epsilon: 1
};

/** The form as the heatmap's options; with noise, the noise saved for the same ε is reused. */
export async function optionsFor(
	form: HeatmapForm,
	institutionBufferMetres: number
): Promise<HeatmapOptionsInput> {
	const options: HeatmapOptionsInput = {
		metric: form.metric,
		resolution: form.resolution,
		preset: form.preset,
		includeReconstructed: form.includeReconstructed,
		institutionBufferMetres,
		view:
			form.view === 'participant' && form.participantId
				? { kind: 'participant', participantId: form.participantId }
				: { kind: 'aggregate' }
	};
	if (form.dp && form.view === 'aggregate') {
		const contributionBound = DEFAULT_CONTRIBUTION_BOUND[form.metric];
		const key = noiseKey({
			metric: form.metric,
			resolution: form.resolution,
			epsilon: form.epsilon,
			contributionBound
		});
		const saved = await savedNoise(key);
		options.dp = { epsilon: form.epsilon, contributionBound, noise: saved?.noise };
	}
	return options;
}
