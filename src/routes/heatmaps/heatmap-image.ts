import type { Map as MapLibreMap } from 'maplibre-gl';
import { m } from '$lib/paraglide/messages.js';
import { formatDateTime } from '$lib/domain/format/datetime';
import { shadeCells } from '$lib/map/heat-colours';
import { composeMapImage, mapAttribution, snapshotMap } from '$lib/map/map-image';
import type { HeatmapRun } from '$lib/features/heatmaps/heatmap.svelte';
import { areaName, formatNumber, metricName, unitName } from '$lib/i18n/heatmap-labels';
import { parameterLines } from '$lib/i18n/heatmap-report';
import { locale } from '$lib/features/app/locale.svelte';

/** The PNG export: the map as drawn, with its legend, parameters, date and attribution. */
export async function heatmapImage(map: MapLibreMap, run: HeatmapRun): Promise<Blob> {
	const heat = run.result!.maps[run.area];
	const p = heat.report.parameters;
	const lang = locale.current;
	const attribution = mapAttribution(map);
	const canvas = await snapshotMap(map);
	return composeMapImage(
		canvas,
		{
			title: m.heatPngTitle({ area: areaName(run.area), metric: metricName(p.metric) }),
			warning: heat.report.notForPublication ? m.heatNotForPublication() : undefined,
			legendTitle: m.heatLegendTitle({ metric: metricName(p.metric), unit: unitName(p.unit) }),
			legend: shadeCells(heat.cells, heat.classes).legend,
			format: (v) => formatNumber(v, lang),
			classLabel: (from, to) =>
				to === null ? m.heatLegendClassTop({ from }) : m.heatLegendClass({ from, to }),
			lines: [
				...parameterLines(p, lang),
				m.heatReportComputed({ date: formatDateTime(run.computedAt, lang) })
			],
			attribution
		},
		canvas.width / map.getContainer().clientWidth || 1
	);
}
