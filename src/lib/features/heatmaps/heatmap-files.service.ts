import { m } from '$lib/paraglide/messages.js';
import { copenhagenDayKey, type AppLocale } from '$lib/domain/format/datetime';
import { heatmapCsv, heatmapGeoJsonText } from '$lib/domain/heatmap/export';
import { needsClearanceConfirmation } from '$lib/domain/heatmap/sensitive';
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

/** Whether the map shows where people sleep, buy or use (domain/heatmap/sensitive.ts). */
export function needsClearance(result: HeatmapResult, area: HeatmapArea): boolean {
	return needsClearanceConfirmation(result.maps[area].report.parameters);
}

/**
 * Refuses a map of where people sleep, buy or use without the worded confirmation: one
 * participant's map can guide a clearance of the spot as much as an aggregate one can.
 */
export function checkClearance(result: HeatmapResult, area: HeatmapArea, confirmed: boolean): void {
	if (needsClearance(result, area) && !confirmed)
		throw new Error('a map of where people sleep, buy or use needs the confirmation');
}

export function heatmapFile(
	format: HeatmapFileFormat,
	result: HeatmapResult,
	area: HeatmapArea,
	computedAt: number,
	locale: AppLocale,
	clearanceConfirmed = false
): HeatmapFile {
	checkClearance(result, area, clearanceConfirmed);
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
