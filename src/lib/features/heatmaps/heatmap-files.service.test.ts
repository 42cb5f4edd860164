import { describe, expect, it } from 'vitest';
import { computeHeatmap } from '$lib/domain/heatmap/compute';
import {
	cellOf,
	circle,
	dataset,
	HOME,
	ids,
	INSTITUTION_AT,
	NORDVEST_SPOT,
	participants,
	SHARED,
	visit
} from '$lib/testing/heatmap-data';
import { heatmapFile } from './heatmap-files.service';

/*
 * A dataset with one cell that meets the rules (SHARED: five people on two days) and cells that
 * do not: one person's home (k), a Nordvest corner four people share (k), five people at another
 * spot on one day (days), and an institution everyone visits (removed whole).
 */
const crowd = ids('p', 5);
const ONE_DAY = { lat: NORDVEST_SPOT.lat + 0.006, lon: NORDVEST_SPOT.lon };
const input = dataset({
	participants: participants(...crowd, 'solo'),
	tracks: [
		...crowd.map((id, i) => visit(id, SHARED, 1 + (i % 2), 30 + i)),
		...crowd.map((id) => visit(id, ONE_DAY, 4)),
		...crowd.slice(0, 4).map((id, i) => visit(id, NORDVEST_SPOT, 5 + (i % 2))),
		...crowd.map((id, i) => visit(id, INSTITUTION_AT, 8 + (i % 2))),
		...[1, 2, 3].map((n) => visit('solo', HOME, n, 120))
	],
	institutions: [circle('shelter', INSTITUTION_AT)]
});
const result = computeHeatmap(input);
const hidden = [HOME, NORDVEST_SPOT, ONE_DAY, INSTITUTION_AT].map((p) => cellOf(p));
const AT = Date.UTC(2026, 2, 10, 12);

describe('heatmap exports hold the shown cells only', () => {
	it('preconditions: one cell is shown, the others are held back for each reason', () => {
		expect(result.maps.all.cells.map((c) => c.cell)).toEqual([cellOf(SHARED)]);
		expect(result.maps.all.report.cellsSuppressed).toMatchObject({ k: 2, days: 1 });
		expect(result.maps.all.report.cellsRemovedAsInstitution).toBeGreaterThan(0);
	});

	it('GeoJSON: one hexagon per shown cell, with its weight and nothing else', () => {
		const file = heatmapFile('geojson', result, 'all', AT, 'en');
		expect(file.filename).toBe('stedsans-heatmap-all-2026-03-10.geojson');
		const fc = JSON.parse(file.data) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;
		expect(fc.features).toHaveLength(1);
		expect(fc.features[0]!.properties).toEqual({ weight: 160, class: 3 });
		expect(fc.features[0]!.geometry.coordinates[0]).toHaveLength(7);
	});

	it('CSV: a row per shown cell with its centre, weight and unit', () => {
		const file = heatmapFile('csv', result, 'vesterbro', AT, 'en');
		const rows = file.data.replace('\uFEFF', '').trim().split('\r\n');
		expect(rows[0]).toBe('cell,area,lat,lon,weight,unit,class');
		expect(rows).toHaveLength(2);
		expect(rows[1]).toMatch(
			new RegExp(`^${cellOf(SHARED)},vesterbro,55\\.\\d{6},12\\.\\d{6},160,minutes,3$`)
		);
		expect(heatmapFile('csv', result, 'nordvest', AT, 'en').data.trim().split('\r\n')).toHaveLength(
			1
		);
		for (const cell of hidden) expect(file.data).not.toContain(cell);
	});

	it('the report in plain words: counts and parameters, never a cell or a participant', () => {
		const en = heatmapFile('report', result, 'all', AT, 'en');
		expect(en.filename).toBe('stedsans-heatmap-all-2026-03-10-report.md');
		expect(en.data).toContain('# Heatmap of All three: disclosure report');
		expect(en.data).toContain('- **Cells shown:** 1');
		expect(en.data).toContain('2 with fewer than 5 participants; 1 seen on fewer than 2 days');
		expect(en.data).toContain('- **Fewest participants in a shown cell:** 5');
		expect(en.data).toContain(
			'a cell is shown only with at least 5 participants on at least 2 days'
		);
		for (const text of [...hidden, cellOf(SHARED), 'solo', 'p1'])
			expect(en.data).not.toContain(text);
		const da = heatmapFile('report', result, 'vesterbro', AT, 'da');
		expect(da.data).toContain('# Varmekort over Vesterbro: diskretioneringsrapport');
		expect(da.data).toContain('- **Viste celler:** 1');
	});

	it('one participant’s map says it is not for publication, in its name and its report', () => {
		const own = computeHeatmap(input, { view: { kind: 'participant', participantId: 'solo' } });
		expect(own.maps.all.cells.map((c) => c.cell)).toEqual([cellOf(HOME)]);
		const report = heatmapFile('report', own, 'all', AT, 'en');
		expect(report.filename).toBe('stedsans-heatmap-all-not-for-publication-2026-03-10-report.md');
		expect(report.data).toContain('**Not for publication**');
		expect(heatmapFile('geojson', own, 'all', AT, 'en').filename).toContain('not-for-publication');
	});

	it('one participant’s map of where they sleep leaves only with the worded confirmation', () => {
		const home = { participantId: 'solo', source: 'interview' as const, namedAt: AT };
		const own = computeHeatmap(
			{
				...input,
				namedPlaces: [
					{ ...home, cell: cellOf(HOME), activity: 'sleep' },
					{ ...home, cell: cellOf(HOME), activity: 'eat' }
				]
			},
			{
				view: { kind: 'participant', participantId: 'solo' },
				metric: 'places-named',
				activity: 'sleep'
			}
		);
		expect(own.maps.all.cells.map((c) => c.cell)).toEqual([cellOf(HOME)]);
		for (const format of ['geojson', 'csv', 'report'] as const) {
			expect(() => heatmapFile(format, own, 'all', AT, 'en')).toThrow(/confirmation/);
			expect(heatmapFile(format, own, 'all', AT, 'en', true).filename).toContain(
				'not-for-publication'
			);
		}
		// Where they eat: no clearance to guide, no confirmation asked.
		const eat = computeHeatmap(
			{ ...input, namedPlaces: [{ ...home, cell: cellOf(HOME), activity: 'eat' }] },
			{
				view: { kind: 'participant', participantId: 'solo' },
				metric: 'places-named',
				activity: 'eat'
			}
		);
		expect(heatmapFile('csv', eat, 'all', AT, 'en').data).toContain(cellOf(HOME));
	});
});
