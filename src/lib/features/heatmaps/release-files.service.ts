import { m } from '$lib/paraglide/messages.js';
import { formatDateTime, isoCopenhagen, type AppLocale } from '$lib/domain/format/datetime';
import { classOfBand } from '$lib/domain/heatmap/classes';
import { releaseCsv, releaseGeoJson } from '$lib/domain/heatmap/release-files';
import type { ReleaseStatement } from '$lib/domain/heatmap/release-schema';
import { printLayout, printSvg, type PrintInput } from '$lib/domain/heatmap/print-svg';
import type { AreaGeometry } from '$lib/domain/neighbourhoods/geometry';
import { NEIGHBOURHOOD_KEYS, type NeighbourhoodKey } from '$lib/domain/neighbourhoods/keys';
import type { MakeFiles } from '$lib/features/heatmaps/release.service';
import { formatNumber, metricName, unitName } from '$lib/i18n/heatmap-labels';
import {
	bandText,
	classList,
	methodsText,
	releaseMarkdown,
	releaseParameterLines
} from '$lib/i18n/release-report';

/*
 * Every file of a release, made once when it is released and stored with it: the data files
 * (classes only), the report, the methods paragraph in both languages, and the print export as
 * SVG and as PNG at 300 dpi.
 */

export interface PrintContext {
	outlines: Record<NeighbourhoodKey, AreaGeometry>;
	/** Who drew the outlines (and the basemap, when one is drawn). */
	attribution: string[];
	/** The fill of each class, lowest first. */
	colours: readonly string[];
	/** The SVG as a PNG at 300 dpi; null where the browser cannot make one. */
	rasterize: (svg: string, width: number, height: number) => Promise<Uint8Array | null>;
	/** A basemap raster for a bbox, when one is available offline. */
	basemap?: (
		bbox: [number, number, number, number],
		size: { width: number; height: number }
	) => Promise<{ href: string; attribution: string } | null>;
}

function distance(metres: number, locale: AppLocale): string {
	return metres >= 1000
		? `${formatNumber(metres / 1000, locale, 1)} km`
		: `${formatNumber(metres, locale, 0)} m`;
}

/**
 * The basemap's credit without what the print credits already: the screen map's attribution line
 * (read from it) also names the neighbourhood outlines, drawn on the print with their own line.
 */
export function basemapCredit(line: string, credited: readonly string[]): string {
	const own = new Set(credited.map((c) => c.trim()));
	return line
		.split(' | ')
		.map((part) => part.trim())
		.filter((part) => part && !own.has(part))
		.join(' | ');
}

/** What the print export says, in the release's language. */
export function printInput(
	s: ReleaseStatement,
	w: { title: string; releasedAt: number; releasedBy: string },
	ctx: Pick<PrintContext, 'outlines' | 'attribution' | 'colours'>,
	locale: AppLocale,
	basemap: { href: string; attribution: string } | null = null
): PrintInput {
	const o = { locale };
	const p = s.parameters;
	const c = s.counts;
	const keys = s.area === 'all' ? NEIGHBOURHOOD_KEYS : [s.area];
	const held = Object.values(c.heldBack).reduce(
		(sum, b) => ({
			from: sum.from + b.from,
			to: sum.to === null || b.to === null ? null : sum.to + b.to - 1
		}),
		{ from: 0, to: 1 as number | null }
	);
	return {
		cells: s.cells.map((cell) => ({
			cell: cell.cell,
			class: classOfBand(cell, p.classBreaks) ?? 1
		})),
		institutionCells: s.institutionCells,
		colours: ctx.colours,
		outlines: keys.map((k) => ctx.outlines[k]),
		basemap: basemap?.href ?? null,
		labels: {
			title: w.title,
			subtitle: m.relPrintSubtitle(
				{
					metric: metricName(p.metric, locale),
					unit: unitName(p.unit, locale),
					resolution: p.resolution,
					edge: p.cellEdgeMetres,
					date: formatDateTime(w.releasedAt, locale)
				},
				o
			),
			legendTitle: m.heatLegendTitle(
				{ metric: metricName(p.metric, locale), unit: unitName(p.unit, locale) },
				o
			),
			classLabels: classList(p, locale),
			notShown: m.relLegendNotShown({}, o),
			institution: m.relLegendInstitution({ buffer: p.institutionBufferMetres }, o),
			lines: [
				m.relPrintCounts(
					{
						cells: c.cellsShown,
						held: bandText(held, locale),
						participants: bandText(c.participants, locale),
						personDays: bandText(c.personDays, locale)
					},
					o
				),
				...releaseParameterLines(p, locale)
			],
			attribution: [
				...ctx.attribution,
				basemap ? basemapCredit(basemap.attribution, ctx.attribution) : m.relPrintNoBasemap({}, o),
				m.relPrintGrid({}, o),
				m.relPrintMadeBy({ name: w.releasedBy }, o),
				m.relFingerprint({ fingerprint: s.fingerprint }, o)
			],
			north: 'N',
			distance: (metres) => distance(metres, locale)
		}
	};
}

/** The MakeFiles of release.service.ts, for the screen's outlines, colours and canvas. */
export function releaseFiles(ctx: PrintContext): MakeFiles {
	return async (s, meta) => {
		const w = { title: meta.title, releasedAt: meta.releasedAt, releasedBy: meta.releasedBy };
		const base = printInput(s, w, ctx, meta.locale);
		const { frame } = printLayout(base);
		const basemap = (await ctx.basemap?.(frame.bbox, frame)) ?? null;
		const print = printSvg(printInput(s, w, ctx, meta.locale, basemap));
		return {
			files: {
				geojson: releaseGeoJson(s, {
					title: meta.title,
					releasedAt: isoCopenhagen(meta.releasedAt)
				}),
				csv: releaseCsv(s),
				report: releaseMarkdown(s, w, meta.locale),
				svg: print.svg,
				png: await ctx.rasterize(print.svg, print.width, print.height)
			},
			methods: { en: methodsText(s, 'en'), da: methodsText(s, 'da') }
		};
	};
}

/** A release's file name: stedsans-release-2026-06-01-vesterbro-time-9.svg */
export function releaseFilename(
	r: { releasedAt: number; area: string; parameters: { metric: string; resolution: number } },
	ext: string
): string {
	const day = isoCopenhagen(r.releasedAt).slice(0, 10);
	return `stedsans-release-${day}-${r.area}-${r.parameters.metric}-${r.parameters.resolution}${ext}`;
}
