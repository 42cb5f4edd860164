import { m } from '$lib/paraglide/messages.js';
import { formatDateTime, type AppLocale } from '$lib/domain/format/datetime';
import type { CountBand } from '$lib/domain/heatmap/bands';
import { classesOf } from '$lib/domain/heatmap/classes';
import type { ReleaseParameters, ReleaseStatement } from '$lib/domain/heatmap/release-schema';
import { areaName, formatNumber, metricName, unitName } from './heatmap-labels';
import { bySourceFact, namedParameterLines, type ReportFact } from './heatmap-report';

/*
 * A release's report in words: the same lines on the screen (before a release, as it would go)
 * and in the released Markdown. It names what it counts (participants, person-days, calendar
 * days), gives counts about people in bands, and says why a figure moved or did not.
 */

/** "0", "5–9", "50 or more". */
export function bandText(b: CountBand, locale: AppLocale): string {
	const n = (v: number) => formatNumber(v, locale, 0);
	if (b.to === null) return m.relBandTop({ from: n(b.from) }, { locale });
	if (b.to - b.from <= 1) return n(b.from);
	return m.relBand({ from: n(b.from), to: n(b.to - 1) }, { locale });
}

/** The class bounds as a reader sees them: "0–60, 60–120, …, 3,000 or more". */
export function classList(p: ReleaseParameters, locale: AppLocale): string[] {
	const n = (v: number) => formatNumber(v, locale, 0);
	return classesOf(p.classBreaks).map((c) =>
		c.to === null
			? m.heatLegendClassTop({ from: n(c.from) }, { locale })
			: m.heatLegendClass({ from: n(c.from), to: n(c.to) }, { locale })
	);
}

const percent = (v: number, locale: AppLocale) => formatNumber(v * 100, locale, 0);

export function releaseFacts(s: ReleaseStatement, locale: AppLocale): ReportFact[] {
	const o = { locale };
	const c = s.counts;
	const p = s.parameters;
	const band = (b: CountBand) => bandText(b, locale);
	const held: string[] = [];
	const h = c.heldBack;
	if (h.k.from) held.push(m.relHeldK({ band: band(h.k), k: p.k }, o));
	if (h.days.from) held.push(m.relHeldDays({ band: band(h.days), days: p.minDays }, o));
	if (h.dominance.from)
		held.push(
			m.relHeldDominance(
				{
					band: band(h.dominance),
					share: percent(p.maxShare, locale),
					two: percent(p.maxTopTwoShare, locale)
				},
				o
			)
		);
	if (h.subtraction.from) held.push(m.relHeldSubtraction({ band: band(h.subtraction) }, o));
	if (h.kept.from) held.push(m.relHeldKept({ band: band(h.kept), k: p.k }, o));
	const facts: ReportFact[] = [
		{ label: m.heatReportShown({}, o), value: formatNumber(c.cellsShown, locale) },
		{
			label: m.heatReportHeldBack({}, o),
			value: held.length ? held.join('; ') : m.heatReportNoneHeld({}, o)
		},
		{
			label: m.heatReportInstitutionCells({}, o),
			value: m.relInstitutionCellsValue(
				{ count: c.institutionCells, buffer: p.institutionBufferMetres },
				o
			)
		},
		{
			label: m.heatReportSmallestK({}, o),
			value: c.smallestK ? band(c.smallestK) : m.heatReportNone({}, o)
		},
		{ label: m.relParticipants({}, o), value: band(c.participants) },
		{ label: m.relPersonDays({}, o), value: band(c.personDays) },
		{ label: m.relCalendarDays({}, o), value: band(c.calendarDays) },
		{
			label:
				p.metric === 'notes'
					? m.heatReportInstitutionNotes({}, o)
					: p.metric === 'places-named'
						? m.heatReportInstitutionNamed({}, o)
						: m.heatReportInstitutionTime({}, o),
			value: m.relInstitutionShareValue(
				{ percent: c.institutionSharePercent, minutes: p.institutionMarginMinutes },
				o
			)
		},
		{
			label: m.heatReportExcluded({}, o),
			value: m.heatReportExcludedValue(
				{ noConsent: band(c.leftOut.noConsent), withdrawn: band(c.leftOut.withdrawn) },
				o
			)
		}
	];
	if (c.reconstructedMinutes.from > 0)
		facts.push({
			label: m.heatReportReconstructed({}, o),
			value: m.relMinutesBand({ band: band(c.reconstructedMinutes) }, o)
		});
	if (p.metric === 'places-named' && c.bySource) facts.push(bySourceFact(c.bySource, band, locale));
	return facts;
}

/** Why the figures moved, or did not, since the latest release of the same map. */
export function comparisonLines(s: ReleaseStatement, locale: AppLocale): string[] {
	const o = { locale };
	const c = s.comparison;
	const k = s.parameters.k;
	if (!c.previous) return [m.relCompareFirst({}, o)];
	const lines = [
		m.relComparePrevious(
			{ title: c.previous.title, date: formatDateTime(c.previous.releasedAt, locale) },
			o
		),
		c.sameData ? m.relCompareSameData({}, o) : m.relCompareDataChanged({}, o)
	];
	if (!c.sameRules) lines.push(m.relCompareRulesChanged({}, o));
	if (c.participantsChanged === 'none') lines.push(m.relCompareNoChange({}, o));
	else if (c.participantsChanged === 'fewer-than-k') lines.push(m.relCompareFewer({ k }, o));
	else {
		lines.push(m.relCompareMoved({ band: bandText(c.cellsMoved, locale), k }, o));
		if (c.cellsKeptShown.from)
			lines.push(m.relCompareKeptShown({ band: bandText(c.cellsKeptShown, locale), k }, o));
	}
	return lines;
}

/** The parameters of a release, one line each. */
export function releaseParameterLines(p: ReleaseParameters, locale: AppLocale): string[] {
	const o = { locale };
	const preset =
		p.preset === 'publication' ? m.heatPresetPublication({}, o) : m.heatPresetStandard({}, o);
	return [
		m.heatParamCounted({ metric: metricName(p.metric, locale), unit: unitName(p.unit, locale) }, o),
		m.heatParamGrid({ resolution: p.resolution, edge: p.cellEdgeMetres }, o),
		m.relParamRules(
			{
				preset,
				k: p.k,
				days: p.minDays,
				share: percent(p.maxShare, locale),
				two: percent(p.maxTopTwoShare, locale)
			},
			o
		),
		m.relParamClasses({ classes: classList(p, locale).join(', ') }, o),
		m.heatParamInstitutions(
			{ buffer: p.institutionBufferMetres, minutes: p.institutionMarginMinutes },
			o
		),
		p.includeReconstructed ? m.heatParamReconstructedIn({}, o) : m.heatParamReconstructedOut({}, o),
		...namedParameterLines(p, locale)
	];
}

export interface ReleaseWords {
	title: string;
	releasedAt: number;
	releasedBy: string;
}

/** The released report as Markdown. */
export function releaseMarkdown(s: ReleaseStatement, w: ReleaseWords, locale: AppLocale): string {
	const o = { locale };
	const lines = [`# ${w.title}`, ''];
	lines.push(
		m.relReportReleased({ date: formatDateTime(w.releasedAt, locale), name: w.releasedBy }, o),
		`${areaName(s.area, locale)}.`,
		'',
		`## ${m.relReportFigures({}, o)}`,
		''
	);
	for (const f of releaseFacts(s, locale)) lines.push(`- **${f.label}:** ${f.value}`);
	lines.push('', m.relCountedOver({}, o), '', `## ${m.relCompareTitle({}, o)}`, '');
	for (const line of comparisonLines(s, locale)) lines.push(`- ${line}`);
	lines.push('', `## ${m.heatReportParameters({}, o)}`, '');
	for (const line of releaseParameterLines(s.parameters, locale)) lines.push(`- ${line}`);
	lines.push('', m.relFingerprint({ fingerprint: s.fingerprint }, o), '');
	return lines.join('\n');
}

/** The methods paragraph a reviewer expects, in one language. */
export function methodsText(s: ReleaseStatement, locale: AppLocale): string {
	const p = s.parameters;
	const c = s.counts;
	const band = (b: CountBand) => bandText(b, locale);
	return m.relMethodsText(
		{
			metric: metricName(p.metric, locale),
			unit: unitName(p.unit, locale),
			participants: band(c.participants),
			days: band(c.calendarDays),
			area: areaName(s.area, locale),
			resolution: p.resolution,
			edge: p.cellEdgeMetres,
			k: p.k,
			minDays: p.minDays,
			share: percent(p.maxShare, locale),
			two: percent(p.maxTopTwoShare, locale),
			buffer: p.institutionBufferMetres,
			margin: p.institutionMarginMinutes,
			reconstructed: p.includeReconstructed
				? m.relWordIncluded({}, { locale })
				: m.relWordLeftOut({}, { locale }),
			classes: classList(p, locale).join(', '),
			earlier: s.comparison.checkedAgainst,
			subtraction: band(c.heldBack.subtraction),
			kept: band(c.heldBack.kept),
			cells: c.cellsShown
		},
		{ locale }
	);
}
