import type {
	HeatmapInput,
	HeatmapOptionsInput,
	HeatmapResult,
	TrackColumns
} from '$lib/domain/heatmap/schema';

/** Messages between the heatmap worker and its client. */
export interface HeatmapRequest {
	id: number;
	input: HeatmapInput;
	options: HeatmapOptionsInput;
}

export type HeatmapReply =
	| { id: number; kind: 'progress'; fraction: number }
	| { id: number; kind: 'done'; result: HeatmapResult }
	| { id: number; kind: 'error'; message: string };

/** The typed arrays' buffers, to hand them to the worker instead of copying a million fixes. */
export function transferablesOf(tracks: readonly TrackColumns[]): ArrayBuffer[] {
	const buffers = new Set<ArrayBuffer>();
	for (const tr of tracks)
		for (const column of [tr.t, tr.lat, tr.lon, tr.src, tr.gapAfter])
			if (ArrayBuffer.isView(column) && column.buffer instanceof ArrayBuffer)
				buffers.add(column.buffer);
	return [...buffers];
}
