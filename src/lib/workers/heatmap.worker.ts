import { computeHeatmap } from '$lib/domain/heatmap/compute';
import { HeatmapInput } from '$lib/domain/heatmap/schema';
import type { HeatmapReply, HeatmapRequest } from './heatmap-protocol';

// A thin shell over computeHeatmap. It stays alive between maps, so the grid and the institution
// bins it caches are reused when only the options change; the client ends it to cancel.
const post = (reply: HeatmapReply) => self.postMessage(reply);

self.onmessage = (e: MessageEvent<HeatmapRequest>) => {
	const { id, input, options } = e.data;
	try {
		const result = computeHeatmap(HeatmapInput.parse(input), options, (fraction) =>
			post({ id, kind: 'progress', fraction })
		);
		post({ id, kind: 'done', result });
	} catch (err) {
		post({ id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
	}
};
