import { m } from '$lib/paraglide/messages.js';
import { intlLocale, type AppLocale } from '$lib/domain/format/datetime';
import type { HeatmapArea, HeatmapMetric, HeatmapParameters } from '$lib/domain/heatmap/schema';
import { neighbourhoodName } from './neighbourhood-names';

/** The heatmap's names in the user's language (one place, for the screen and the exports). */

export function areaName(area: HeatmapArea, locale?: AppLocale): string {
	return area === 'all' ? m.heatAreaAll({}, { locale }) : neighbourhoodName(area, locale);
}

export function metricName(metric: HeatmapMetric, locale?: AppLocale): string {
	switch (metric) {
		case 'time':
			return m.heatMetricTime({}, { locale });
		case 'notes':
			return m.heatMetricNotes({}, { locale });
		case 'person-days':
			return m.heatMetricPersonDays({}, { locale });
	}
}

export function metricHint(metric: HeatmapMetric): string {
	switch (metric) {
		case 'time':
			return m.heatMetricTimeHint();
		case 'notes':
			return m.heatMetricNotesHint();
		case 'person-days':
			return m.heatMetricPersonDaysHint();
	}
}

export function unitName(unit: HeatmapParameters['unit'], locale?: AppLocale): string {
	switch (unit) {
		case 'minutes':
			return m.heatUnitMinutes({}, { locale });
		case 'notes':
			return m.heatUnitNotes({}, { locale });
		case 'person-days':
			return m.heatUnitPersonDays({}, { locale });
	}
}

/** A number as the user reads it (1 234,5 in Danish), at most `digits` decimals. */
export function formatNumber(value: number, locale: AppLocale, digits = 2): string {
	return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
}
