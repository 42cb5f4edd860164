import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { cellPolygon } from '../geo/cells';
import { APPROXIMATE_OUTLINES } from '../neighbourhoods/outlines';
import { classOfBand } from './classes';
import { printLayout, printSvg, type PrintInput } from './print-svg';
import { release } from '$lib/testing/heatmap-releases';
import {
	dataset,
	ids,
	NORDVEST_SPOT,
	participants,
	SHARED,
	visit
} from '$lib/testing/heatmap-data';

const crowd = ids('c', 6);
const r = release(
	dataset({
		participants: participants(...crowd),
		tracks: crowd.flatMap((id, i) => [
			visit(id, SHARED, 1 + (i % 2), 40),
			visit(id, NORDVEST_SPOT, 3 + (i % 2), 90)
		])
	}),
	{},
	'all'
);

const input: PrintInput = {
	cells: r.cells.map((c) => ({ cell: c.cell, class: classOfBand(c, r.parameters.classBreaks)! })),
	institutionCells: r.institutionCells,
	colours: ['#440154', '#443983', '#31688e', '#21918c', '#35b779', '#90d743', '#fde725'],
	outlines: Object.values(APPROXIMATE_OUTLINES),
	labels: {
		title: 'Vesterbro, Nordvest & Sundholm: time spent <2026>',
		subtitle: 'Time spent per cell (minutes) · H3 grid 9 · released 1 June 2026',
		legendTitle: 'Time spent per cell (minutes)',
		classLabels: [
			'0 to 60',
			'60 to 120',
			'120 to 300',
			'300 to 600',
			'600 to 1,200',
			'1,200 to 3,000',
			'3,000 or more'
		],
		notShown: 'No figure shown: fewer people than the rules need, or none',
		institution: 'Left out: institutions and 150 m around them',
		lines: ['Rules (standard): at least 5 participants on at least 2 calendar days'],
		attribution: ['Neighbourhood outlines: drawn by the project', 'Grid: H3'],
		north: 'N',
		distance: (m) => (m >= 1000 ? `${m / 1000} km` : `${m} m`)
	}
};

describe('the print export', () => {
	const { svg, width, height } = printSvg(input);
	const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');

	it('is well-formed SVG, 180 mm wide, with its text escaped', () => {
		expect(doc.getElementsByTagName('parsererror').length).toBe(0);
		expect(doc.documentElement!.getAttribute('width')).toBe('510pt');
		expect(width).toBe(510);
		expect(svg).toContain('&amp; Sundholm: time spent &lt;2026&gt;');
	});

	it('draws every released cell in its class colour, inside the frame: nothing cut off', () => {
		const { frame } = printLayout(input);
		const fills = [...doc.getElementsByTagName('path')].map((p) => p.getAttribute('fill'));
		for (const c of input.cells)
			expect(fills.filter((f) => f === input.colours[c.class - 1]).length).toBeGreaterThan(0);
		expect(fills.filter((f) => input.colours.includes(f ?? '')).length).toBe(input.cells.length);
		for (const c of r.cells) {
			const [x, y] = frame.project(...cellCentre(c.cell));
			expect(x).toBeGreaterThan(frame.x);
			expect(x).toBeLessThan(frame.x + frame.width);
			expect(y).toBeGreaterThan(frame.y);
			expect(y).toBeLessThan(frame.y + frame.height);
		}
		expect(frame.y + frame.height).toBeLessThan(height);
	});

	it('has a legend outside the map with every class and both hatched areas, a scale bar and a north arrow', () => {
		const { frame } = printLayout(input);
		const texts = [...doc.getElementsByTagName('text')];
		// units keep to their numbers with a no-break space ("150 m")
		const at = (s: string) => texts.find((t) => t.textContent?.replace(/\u00a0/g, ' ') === s);
		for (const label of [
			...input.labels.classLabels,
			input.labels.notShown,
			input.labels.institution,
			'N'
		])
			expect(Number(at(label)!.getAttribute('y'))).toBeGreaterThan(frame.y + frame.height);
		expect(texts.some((t) => /^\d+\s(m|km)$/.test(t.textContent ?? ''))).toBe(true);
		expect(svg).toContain('fill="url(#not-shown)"');
		expect(svg).toContain('fill="url(#institution)"');
		expect(at(input.labels.attribution[0]!)).toBeDefined();
	});

	it('is the same bytes every time', () => {
		expect(printSvg(input).svg).toBe(svg);
	});
});

function cellCentre(cell: string): [number, number] {
	const ring = cellRing(cell);
	return [
		ring.reduce((s, p) => s + p[0]!, 0) / ring.length,
		ring.reduce((s, p) => s + p[1]!, 0) / ring.length
	];
}

const cellRing = (cell: string) => cellPolygon(cell).slice(0, -1);
