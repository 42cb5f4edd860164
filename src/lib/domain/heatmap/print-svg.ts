import { cellPolygon } from '../geo/cells';
import { polygonsOf, type AreaGeometry } from '../neighbourhoods/geometry';
import {
	PAGE_MARGIN,
	PAGE_WIDTH,
	printFrame,
	scaleBarMetres,
	type PrintFrame
} from './print-frame';
import { htmlText } from '../text/html';

/*
 * The print export of a release: an SVG page (180 mm wide) a journal can take as a figure. Title
 * and subtitle above; the map with its basemap when there is one, the cells in their classes,
 * held-back and institution areas hatched (never blank: blank reads as "nobody goes there"), the
 * outlines; below it, outside the data, the scale bar and north arrow, the legend, the parameters
 * and counts, and every attribution. Pure and deterministic: the same release, the same bytes.
 */

export interface PrintLabels {
	title: string;
	subtitle: string;
	legendTitle: string;
	/** One label per class, lowest first. */
	classLabels: string[];
	notShown: string;
	institution: string;
	/** Parameters and counts, one line each (wrapped to the page). */
	lines: string[];
	attribution: string[];
	north: string;
	distance: (metres: number) => string;
}

export interface PrintInput {
	cells: readonly { cell: string; class: number }[];
	institutionCells: readonly string[];
	/** The fill of each class, lowest first. */
	colours: readonly string[];
	outlines: readonly AreaGeometry[];
	labels: PrintLabels;
	/** A raster of the basemap covering exactly `printLayout(…).frame.bbox`, as a data URL. */
	basemap?: string | null;
}

const FONT = 'Helvetica, Arial, sans-serif';
const INK = '#1d2321';
const GREY = '#4f5a56';
const TITLE_TOP = PAGE_MARGIN;

const n = (v: number) => (Math.round(v * 10) / 10).toString();
const esc = htmlText;

/** Splits text into lines of about `width` points (Helvetica averages about half an em). */
function wrap(text: string, width: number, size: number): string[] {
	const max = Math.max(10, Math.floor(width / (size * 0.52)));
	const out: string[] = [];
	let line = '';
	// "85 %" and "150 m" stay on one line: the unit is not a word of its own.
	for (const word of text.replace(/ (%|m|km)(?=\W|$)/g, '\u00a0$1').split(/[ \t\n]+/)) {
		if (line && line.length + 1 + word.length > max) {
			out.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) out.push(line);
	return out;
}

function text(x: number, y: number, s: string, size: number, fill = INK, weight = 400): string {
	const bold = weight === 400 ? '' : ` font-weight="${weight}"`;
	return `<text x="${n(x)}" y="${n(y)}" font-size="${size}"${bold} fill="${fill}">${esc(s)}</text>`;
}

function ringPath(ring: readonly number[][], frame: PrintFrame): string {
	return (
		ring
			.map(([lon, lat], i) => {
				const [x, y] = frame.project(lon!, lat!);
				return `${i ? 'L' : 'M'}${n(x)} ${n(y)}`;
			})
			.join('') + 'Z'
	);
}

const PATTERNS = [
	'<pattern id="not-shown" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#f4f5f2"/><line x1="0" y1="0" x2="0" y2="5" stroke="#a3aca8" stroke-width="1"/></pattern>',
	'<pattern id="institution" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="4" height="4" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#5b4a6e" stroke-width="1.4"/></pattern>'
];

/** Where the map goes for these title lines: the UI needs its bbox to make a basemap raster. */
export function printLayout(input: Omit<PrintInput, 'basemap'>) {
	const titleLines = wrap(input.labels.title, PAGE_WIDTH - 2 * PAGE_MARGIN, 13);
	const subLines = wrap(input.labels.subtitle, PAGE_WIDTH - 2 * PAGE_MARGIN, 7.5);
	const top = TITLE_TOP + titleLines.length * 16 + subLines.length * 10 + 6;
	const cells = [...input.cells.map((c) => c.cell), ...input.institutionCells];
	return { titleLines, subLines, frame: printFrame(input.outlines, cells, top) };
}

export function printSvg(input: PrintInput): { svg: string; width: number; height: number } {
	const { labels } = input;
	const { titleLines, subLines, frame } = printLayout(input);
	const out: string[] = [];
	let y = TITLE_TOP;
	for (const line of titleLines) out.push(text(PAGE_MARGIN, (y += 14), line, 13, INK, 700));
	y += 2;
	for (const line of subLines) out.push(text(PAGE_MARGIN, (y += 10), line, 7.5, GREY));

	const { x, y: fy, width: fw, height: fh } = frame;
	out.push(
		`<clipPath id="frame"><rect x="${x}" y="${fy}" width="${fw}" height="${fh}"/></clipPath>`
	);
	out.push('<g clip-path="url(#frame)">');
	out.push(
		input.basemap
			? `<image x="${x}" y="${fy}" width="${fw}" height="${fh}" preserveAspectRatio="none" href="${esc(input.basemap)}"/>`
			: `<rect x="${x}" y="${fy}" width="${fw}" height="${fh}" fill="#e8ece4"/>`
	);
	const outlinePaths = input.outlines.flatMap((o) =>
		polygonsOf(o).map((poly) => poly.map((ring) => ringPath(ring, frame)).join(''))
	);
	for (const d of outlinePaths)
		out.push(`<path d="${d}" fill="url(#not-shown)" fill-rule="evenodd" fill-opacity="0.85"/>`);
	for (const c of input.institutionCells)
		out.push(
			`<path d="${ringPath(cellPolygon(c), frame)}" fill="url(#institution)" stroke="#5b4a6e" stroke-width="0.3"/>`
		);
	for (const c of input.cells)
		out.push(
			`<path d="${ringPath(cellPolygon(c.cell), frame)}" fill="${input.colours[c.class - 1]}" fill-opacity="0.9" stroke="#ffffff" stroke-width="0.4"/>`
		);
	for (const d of outlinePaths)
		out.push(`<path d="${d}" fill="none" stroke="#34403b" stroke-width="0.9"/>`);
	out.push('</g>');
	out.push(
		`<rect x="${x}" y="${fy}" width="${fw}" height="${fh}" fill="none" stroke="${INK}" stroke-width="0.6"/>`
	);

	// Below the frame: scale bar (left) and north arrow (right), outside the data.
	y = fy + fh + 8;
	const metres = scaleBarMetres(frame);
	const bar = metres / frame.metresPerPoint;
	out.push(
		`<rect x="${x}" y="${n(y)}" width="${n(bar / 2)}" height="4" fill="${INK}"/>`,
		`<rect x="${n(x + bar / 2)}" y="${n(y)}" width="${n(bar / 2)}" height="4" fill="#ffffff" stroke="${INK}" stroke-width="0.5"/>`,
		text(x, y + 13, `0`, 7),
		text(x + bar - 4, y + 13, labels.distance(metres), 7)
	);
	const ax = x + fw - 8;
	out.push(
		`<path d="M${n(ax)} ${n(y - 2)}L${n(ax + 5)} ${n(y + 12)}L${n(ax)} ${n(y + 9)}L${n(ax - 5)} ${n(y + 12)}Z" fill="${INK}"/>`,
		`<text x="${n(ax)}" y="${n(y + 21)}" font-size="8" font-weight="700" text-anchor="middle" fill="${INK}">${esc(labels.north)}</text>`
	);

	// The legend: the classes in two columns, then the hatched areas, a row each.
	y += 34;
	out.push(text(x, y, labels.legendTitle, 8, INK, 700));
	const swatch = (sx: number, sy: number, fill: string) =>
		out.push(
			`<rect x="${n(sx)}" y="${n(sy)}" width="14" height="9" ${fill} stroke="#7a8480" stroke-width="0.4"/>`
		);
	const rows = Math.ceil(labels.classLabels.length / 2);
	labels.classLabels.forEach((label, i) => {
		const cx = x + (i < rows ? 0 : fw / 2);
		const cy = y + 6 + (i % rows) * 12;
		swatch(cx, cy, `fill="${input.colours[i]}" fill-opacity="0.9"`);
		out.push(text(cx + 19, cy + 7.5, label, 7));
	});
	y += 6 + rows * 12;
	for (const [fill, label] of [
		['fill="url(#not-shown)"', labels.notShown],
		['fill="url(#institution)"', labels.institution]
	] as const) {
		swatch(x, y, fill);
		const lines = wrap(label, fw - 24, 7);
		lines.forEach((l, i) => out.push(text(x + 19, y + 7.5 + i * 9, l, 7)));
		y += Math.max(12, lines.length * 9 + 3);
	}
	y += 6;

	for (const line of labels.lines.flatMap((l) => wrap(l, fw, 7)))
		out.push(text(x, (y += 9), line, 7, INK));
	y += 4;
	for (const line of labels.attribution.flatMap((l) => wrap(l, fw, 6.5)))
		out.push(text(x, (y += 8.5), line, 6.5, GREY));
	const height = Math.ceil(y + PAGE_MARGIN);

	const svg = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_WIDTH}pt" height="${height}pt" viewBox="0 0 ${PAGE_WIDTH} ${height}" font-family="${FONT}">`,
		`<defs>${PATTERNS.join('')}</defs>`,
		`<rect width="${PAGE_WIDTH}" height="${height}" fill="#ffffff"/>`,
		...out,
		'</svg>',
		''
	].join('\n');
	return { svg, width: PAGE_WIDTH, height };
}
