import { describe, expect, it } from 'vitest';
import { APPROXIMATE_OUTLINES } from '$lib/domain/neighbourhoods/outlines';
import type { HeatmapInput } from '$lib/domain/heatmap/schema';
import { release } from '$lib/testing/heatmap-releases';
import {
	dataset,
	ids,
	NORDVEST_SPOT,
	participants,
	SHARED,
	visit
} from '$lib/testing/heatmap-data';
import { basemapCredit, releaseFiles, type PrintContext } from './release-files.service';

/*
 * The files a release is made of, as the app makes them (the screen supplies the outlines, the
 * colours, the canvas and the basemap): what the report and the methods paragraph say in words,
 * and what the print credits.
 */

const OUTLINES = 'Neighbourhood outlines: approximate, Stedsans';
const crowd = ids('c', 8);
const scenario = (xWithdrawn: boolean): HeatmapInput =>
	dataset({
		participants: [
			...participants(...crowd),
			{ id: 'x', aggregateConsent: true, withdrawn: xWithdrawn }
		],
		tracks: [SHARED, NORDVEST_SPOT].flatMap((p, k) => [
			...crowd.map((id, i) => visit(id, p, 1 + (i % 2), 30 + 10 * k, 8 + k)),
			visit('x', p, 3, 20, 8 + k)
		])
	});

const ctx: PrintContext = {
	outlines: APPROXIMATE_OUTLINES,
	attribution: [OUTLINES],
	colours: ['#440154', '#443983', '#31688e', '#21918c', '#35b779', '#90d743', '#fde725'],
	rasterize: async () => null,
	basemap: async () => ({
		href: 'data:image/png;base64,iVBORw0KGgo=',
		attribution: `${OUTLINES} | © OpenStreetMap contributors (ODbL)`
	})
};
const words = {
	title: 'Vesterbro & Nordvest',
	releasedBy: 'Anna',
	releasedAt: Date.UTC(2026, 5, 1)
};

describe('the files of a release', () => {
	it('the report names what it counts, in bands, and that it is the first release', async () => {
		const first = release(scenario(false), {}, 'all');
		const { files } = await releaseFiles(ctx)(first, { ...words, locale: 'en' });
		expect(files.report).toContain('- **Participants counted:** 5–9');
		expect(files.report).toContain(
			'- **Person-days counted (one participant on one calendar day):** 5–9'
		);
		expect(files.report).toContain('- **Calendar days counted:** 1–4');
		expect(files.report).toContain('This is the first release of this map');
		for (const id of [...crowd, 'x']) expect(files.report).not.toMatch(new RegExp(`\\b${id}\\b`));
	});

	it('says why no figure moved after a withdrawal, in English and Danish', async () => {
		const first = release(scenario(false), {}, 'all');
		const second = release(scenario(true), {}, 'all', [first]);
		const en = (await releaseFiles(ctx)(second, { ...words, locale: 'en' })).files.report;
		expect(en).toContain('The data have changed since then.');
		expect(en).toContain(
			'Fewer than 5 participants’ figures have changed: every figure is as released then.'
		);
		const da = (await releaseFiles(ctx)(second, { ...words, locale: 'da' })).files.report;
		expect(da).toContain('Færre end 5 deltageres tal er ændret: alle tal er som dengang.');
	});

	it('the methods paragraph states the rules, thresholds and counts, in both languages', async () => {
		const first = release(scenario(false), {}, 'all');
		const { methods } = await releaseFiles(ctx)(first, { ...words, locale: 'en' });
		expect(methods.en).toContain('at least 5 distinct participants');
		expect(methods.en).toContain('at least 2 calendar days');
		expect(methods.en).toContain('more than 50 %');
		expect(methods.en).toContain('more than 85 %');
		expect(methods.en).toContain('150 m');
		expect(methods.en).toContain('5–9 consenting participants');
		expect(methods.en).toContain('0 to 60, 60 to 120');
		expect(methods.da).toContain('mindst 5 forskellige deltagere');
		expect(methods.da).toContain('mere end 85 %');
		expect(methods.da).toContain('5–9 deltagere');
	});

	it('the print draws the basemap and credits it once, beside the outlines', async () => {
		const first = release(scenario(false), {}, 'all');
		const { files } = await releaseFiles(ctx)(first, { ...words, locale: 'en' });
		expect(files.svg).toMatch(/<image [^>]*href="data:image\/png;base64,/);
		expect(files.svg.split(OUTLINES)).toHaveLength(2);
		expect(files.svg).toContain('© OpenStreetMap contributors (ODbL)');
		expect(basemapCredit(`${OUTLINES} | b | c`, [OUTLINES])).toBe('b | c');
	});
});
