import { m } from '$lib/paraglide/messages.js';
import type { Message } from './message';
import { intlLocale, type AppLocale } from '$lib/domain/format/datetime';
import type {
	HeatmapArea,
	HeatmapMetric,
	HeatmapParameters,
	HeatmapSource
} from '$lib/domain/heatmap/schema';
import { sourceName as namedSourceName } from './named-place-labels';
import { neighbourhoodName } from './neighbourhood-names';

/** The heatmap's names in the user's language (one place, for the screen and the exports). */

export function areaName(area: HeatmapArea, locale?: AppLocale): string {
	return area === 'all' ? m.heatAreaAll({}, { locale }) : neighbourhoodName(area, locale);
}

const METRICS: Record<HeatmapMetric, Message> = {
	time: m.heatMetricTime,
	notes: m.heatMetricNotes,
	'person-days': m.heatMetricPersonDays,
	'places-named': m.heatMetricPlacesNamed
};

export function metricName(metric: HeatmapMetric, locale?: AppLocale): string {
	return METRICS[metric]({}, { locale });
}

const METRIC_HINTS: Record<HeatmapMetric, () => string> = {
	time: m.heatMetricTimeHint,
	notes: m.heatMetricNotesHint,
	'person-days': m.heatMetricPersonDaysHint,
	'places-named': m.heatMetricPlacesNamedHint
};

export function metricHint(metric: HeatmapMetric): string {
	return METRIC_HINTS[metric]();
}

const UNITS: Record<HeatmapParameters['unit'], Message> = {
	minutes: m.heatUnitMinutes,
	notes: m.heatUnitNotes,
	'person-days': m.heatUnitPersonDays,
	participants: m.heatUnitParticipants
};

export function unitName(unit: HeatmapParameters['unit'], locale?: AppLocale): string {
	return UNITS[unit]({}, { locale });
}

/** A number as the user reads it (1 234,5 in Danish), at most `digits` decimals. */
export function formatNumber(value: number, locale: AppLocale, digits = 2): string {
	return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
}

/** Where a map's figures came from: the named places' sources, tracks and located notes. */
export function sourceName(source: HeatmapSource, locale?: AppLocale): string {
	if (source === 'tracks') return m.namedSourceTracks({}, { locale });
	if (source === 'notes') return m.namedSourceNotes({}, { locale });
	return namedSourceName(source, locale);
}
