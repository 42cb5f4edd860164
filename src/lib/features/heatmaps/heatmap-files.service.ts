import { m } from '$lib/paraglide/messages.js';
import { copenhagenDayKey, type AppLocale } from '$lib/domain/format/datetime';
import { heatmapCsv, heatmapGeoJsonText } from '$lib/domain/heatmap/export';
import type { HeatmapArea, HeatmapResult } from '$lib/domain/heatmap/schema';
import { disclosureMarkdown } from '$lib/i18n/heatmap-report';

/** The files a computed heatmap exports to, named and worded for the user (PNG: map-image.ts). */
export type HeatmapFileFormat = 'geojson' | 'csv' | 'report';

export interface HeatmapFile {
	filename: string;
	data: string;
	type: string;
}

/** stedsans-heatmap-vesterbro-2026-03-04.geojson; one participant's map says so in its name. */
export function heatmapFilename(
	result: HeatmapResult,
	area: HeatmapArea,
	what: string,
	computedAt: number
): string {
	const own = result.maps[area].report.notForPublication ? '-not-for-publication' : '';
	return `stedsans-heatmap-${area}${own}-${copenhagenDayKey(computedAt)}${what}`;
}

/** What a file not for publication says inside it. */
function notice(locale: AppLocale): string {
	return `${m.heatNotForPublication({}, { locale })}: ${m.heatViewParticipant({}, { locale })}`;
}

export function heatmapFile(
	format: HeatmapFileFormat,
	result: HeatmapResult,
	area: HeatmapArea,
	computedAt: number,
	locale: AppLocale
): HeatmapFile {
	const map = result.maps[area];
	switch (format) {
		case 'geojson':
			return {
				filename: heatmapFilename(result, area, '.geojson', computedAt),
				data: heatmapGeoJsonText(result, area, notice(locale)),
				type: 'application/geo+json'
			};
		case 'csv':
			return {
				filename: heatmapFilename(result, area, '.csv', computedAt),
				data: heatmapCsv(map, notice(locale)),
				type: 'text/csv;charset=utf-8'
			};
		case 'report':
			return {
				filename: heatmapFilename(result, area, '-report.md', computedAt),
				data: disclosureMarkdown(map, computedAt, locale),
				type: 'text/markdown;charset=utf-8'
			};
	}
}
