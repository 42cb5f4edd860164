import { m } from '$lib/paraglide/messages.js';
import { formatDateTime, type AppLocale } from '$lib/domain/format/datetime';
import {
	HEATMAP_SOURCES,
	type DisclosureReport,
	type HeatmapMap,
	type HeatmapParameters,
	type HeatmapSource
} from '$lib/domain/heatmap/schema';
import { activityName } from './named-place-labels';
import { areaName, formatNumber, metricName, sourceName, unitName } from './heatmap-labels';

/**
 * The disclosure report in plain words: the same lines on the screen and in the Markdown export.
 * Counts only — never a cell that was held back, never a participant.
 */

export interface ReportFact {
	label: string;
	value: string;
}

export function reportFacts(r: DisclosureReport, locale: AppLocale): ReportFact[] {
	const o = { locale };
	const n = (v: number) => formatNumber(v, locale);
	const p = r.parameters;
	const s = r.cellsSuppressed;
	const held: string[] = [];
	if (s.k) held.push(m.heatReportHeldK({ count: s.k, k: p.k }, o));
	if (s.days) held.push(m.heatReportHeldDays({ count: s.days, days: p.minDays }, o));
	if (s.dominance) held.push(m.heatReportHeldDominance({ count: s.dominance }, o));
	const excluded = [
		m.heatReportExcludedValue(
			{ noConsent: r.participantsExcluded.noConsent, withdrawn: r.participantsExcluded.withdrawn },
			o
		),
		...(r.participantsExcluded.unknown
			? [m.heatReportExcludedUnknown({ unknown: r.participantsExcluded.unknown }, o)]
			: [])
	];
	const facts: ReportFact[] = [
		{ label: m.heatReportShown({}, o), value: n(r.cellsShown) },
		{
			label: m.heatReportHeldBack({}, o),
			value: held.length ? held.join('; ') : m.heatReportNoneHeld({}, o)
		},
		{
			label: m.heatReportInstitutionCells({}, o),
			value: m.heatReportInstitutionCellsValue(
				{ count: r.cellsRemovedAsInstitution, buffer: p.institutionBufferMetres },
				o
			)
		},
		{
			label: m.heatReportSmallestK({}, o),
			value: r.smallestK === null ? m.heatReportNone({}, o) : n(r.smallestK)
		},
		{ label: m.heatReportParticipants({}, o), value: n(r.participantsIncluded) },
		{ label: m.heatReportDays({}, o), value: n(r.daysIncluded) },
		{
			label:
				p.metric === 'notes'
					? m.heatReportInstitutionNotes({}, o)
					: p.metric === 'places-named'
						? m.heatReportInstitutionNamed({}, o)
						: m.heatReportInstitutionTime({}, o),
			value: m.heatReportInstitutionShareValue(
				{
					percent: formatNumber(r.institutionShare * 100, locale, 0),
					minutes: p.institutionMarginMinutes
				},
				o
			)
		},
		{ label: m.heatReportExcluded({}, o), value: excluded.join('; ') }
	];
	if (r.reconstructedMinutesLeftOut > 0)
		facts.push({
			label: m.heatReportReconstructed({}, o),
			value: m.heatReportMinutes({ minutes: n(Math.round(r.reconstructedMinutesLeftOut)) }, o)
		});
	if (p.metric === 'places-named') facts.push(bySourceFact(r.participantsBySource, n, locale));
	return facts;
}

/** The parameters a map was computed with, one line each. */
export function parameterLines(p: HeatmapParameters, locale: AppLocale): string[] {
	const o = { locale };
	const unit = unitName(p.unit, locale);
	const preset =
		p.preset === 'publication' ? m.heatPresetPublication({}, o) : m.heatPresetStandard({}, o);
	return [
		m.heatParamCounted({ metric: metricName(p.metric, locale), unit }, o),
		m.heatParamGrid({ resolution: p.resolution, edge: p.cellEdgeMetres }, o),
		p.view.kind === 'participant'
			? m.heatParamParticipantView({}, o)
			: m.heatParamRules(
					{ preset, k: p.k, days: p.minDays, share: formatNumber(p.maxShare * 100, locale, 0) },
					o
				),
		m.heatParamInstitutions(
			{ buffer: p.institutionBufferMetres, minutes: p.institutionMarginMinutes },
			o
		),
		p.includeReconstructed ? m.heatParamReconstructedIn({}, o) : m.heatParamReconstructedOut({}, o),
		...namedParameterLines(p, locale)
	];
}

/** How many participants each source contributed: counts (a band each, in a release). */
export function bySourceFact<T>(
	bySource: Partial<Record<HeatmapSource, T>>,
	format: (v: T) => string,
	locale: AppLocale
): ReportFact {
	const o = { locale };
	const parts = HEATMAP_SOURCES.filter((s) => bySource[s] !== undefined).map((s) =>
		m.heatReportBySourceValue({ source: sourceName(s, locale), count: format(bySource[s]!) }, o)
	);
	return { label: m.heatReportBySource({}, o), value: parts.join('; ') };
}

/** Places named: the activity counted (if one) and the sources drawn on. */
export function namedParameterLines(
	p: Pick<HeatmapParameters, 'metric' | 'activity' | 'sources'>,
	locale: AppLocale
): string[] {
	if (p.metric !== 'places-named') return [];
	const o = { locale };
	const sources = (p.sources ?? HEATMAP_SOURCES).map((s) => sourceName(s, locale)).join(', ');
	return [
		m.heatParamActivity(
			{ activity: p.activity ? activityName(p.activity, locale) : m.heatActivityAll({}, o) },
			o
		),
		m.heatParamSources({ sources }, o)
	];
}

/** The report as a Markdown file: title, the facts, the parameters and when it was made. */
export function disclosureMarkdown(map: HeatmapMap, computedAt: number, locale: AppLocale): string {
	const o = { locale };
	const r = map.report;
	const lines = [`# ${m.heatReportFileTitle({ area: areaName(map.area, locale) }, o)}`, ''];
	if (r.notForPublication) lines.push(`**${m.heatNotForPublication({}, o)}**`, '');
	for (const f of reportFacts(r, locale)) lines.push(`- **${f.label}:** ${f.value}`);
	lines.push('', `## ${m.heatReportParameters({}, o)}`, '');
	for (const line of parameterLines(r.parameters, locale)) lines.push(`- ${line}`);
	lines.push('', m.heatReportComputed({ date: formatDateTime(computedAt, locale) }, o), '');
	return lines.join('\n');
}
