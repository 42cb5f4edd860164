import {
	HEATMAP_SOURCES,
	type HeatmapMetric,
	type HeatmapOptionsInput,
	type HeatmapSource
} from '$lib/domain/heatmap/schema';
import type { Activity } from '$lib/domain/named-places/named-place';
import type { CellResolution } from '$lib/domain/geo/cell-schema';

/** What the user chooses on the Heatmaps screen, in the words of the form. */
export interface HeatmapForm {
	metric: HeatmapMetric;
	resolution: CellResolution;
	preset: 'standard' | 'publication';
	includeReconstructed: boolean;
	view: 'aggregate' | 'participant';
	participantId: string | null;
	/** Places named: one activity, or null for all; the sources drawn on. */
	activity: Activity | null;
	sources: HeatmapSource[];
}

export const DEFAULT_FORM: HeatmapForm = {
	metric: 'time',
	resolution: 9,
	preset: 'standard',
	includeReconstructed: false,
	view: 'aggregate',
	participantId: null,
	activity: null,
	sources: [...HEATMAP_SOURCES]
};

/**
 * The form as the heatmap's options. An aggregate map is computed with its evidence, so that it
 * can be checked against the earlier releases before it is shown as a release would show it.
 */
export function optionsFor(
	form: HeatmapForm,
	institutionBufferMetres: number
): HeatmapOptionsInput {
	const aggregate = form.view === 'aggregate' || !form.participantId;
	return {
		metric: form.metric,
		resolution: form.resolution,
		preset: form.preset,
		includeReconstructed: form.includeReconstructed,
		institutionBufferMetres,
		view: aggregate
			? { kind: 'aggregate' }
			: { kind: 'participant', participantId: form.participantId! },
		evidence: aggregate,
		...(form.metric === 'places-named'
			? { sources: form.sources, ...(form.activity ? { activity: form.activity } : {}) }
			: {})
	};
}
