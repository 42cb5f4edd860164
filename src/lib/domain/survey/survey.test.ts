import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { xlsxWorkbook } from '$lib/testing/xlsx';
import { newId } from '../records/ids';
import type { Consent } from '../participants/participant';
import { contentKey, derivedId } from './ids';
import { suggestMapping, type SurveyMapping } from './mapping';
import { planSurvey, type PlanContext } from './plan';
import { readSurvey } from './read';
import type { SurveyTable } from './table';

const CONSENT: Consent = { location: 'cell', followAlong: false, aggregate: true };
const GLOSSARY_ID = newId();
const utf8 = (s: string) => new TextEncoder().encode(s);

function ctx(table: SurveyTable, over: Partial<PlanContext> = {}): PlanContext {
	return {
		participants: new Map(),
		glossary: new Set([GLOSSARY_ID]),
		resolution: 9,
		fileKey: contentKey(JSON.stringify(table.rows)),
		...over
	};
}

async function table(name: string, content: string | Uint8Array, sheet?: string) {
	const r = await readSurvey(name, typeof content === 'string' ? utf8(content) : content, sheet);
	if (!r.ok) throw new Error(JSON.stringify(r.problem));
	return r.table;
}

/** Reads, maps as suggested (with the survey's consent) and plans. */
async function run(name: string, content: string | Uint8Array, over: Partial<PlanContext> = {}) {
	const r = await readSurvey(name, typeof content === 'string' ? utf8(content) : content);
	if (!r.ok) return { ok: false as const, problem: r.problem as object };
	const mapping: SurveyMapping = { ...suggestMapping(r.table), consent: CONSENT };
	const planned = planSurvey(r.table, mapping, ctx(r.table, over));
	return planned.ok
		? { ok: true as const, plan: planned.plan, mapping }
		: { ok: false as const, problem: planned.problem as object };
}

const KOBO = [
	'start,end,study_id,sleep,_sleep_latitude,_sleep_longitude,_sleep_altitude,_sleep_precision,sleep_frequency,buy,_buy_latitude,_buy_longitude,_buy_altitude,_buy_precision,_id,_uuid',
	'2026-10-01,2026-10-01,VB-101,55.6702 12.5559 10 8,55.6702,12.5559,10,8,daily,55.6649 12.5516 10 12,55.6649,12.5516,10,12,1,a',
	'2026-10-01,2026-10-01,NV-102,55.7046 12.5298 10 6,55.7046,12.5298,10,6,weekly,,,,,,2,b',
	'2026-10-01,2026-10-01,SH-103,55.6585 12.5993 10 480,55.6585,12.5993,10,480,rarely,55.6586 12.5990 10 5,55.6586,12.5990,10,5,3,c'
].join('\n');

describe('survey import: the column mapping and snapping', () => {
	it('reads a Kobo CSV: split geopoints, precision, frequency, activity from the question', async () => {
		const r = await run('kobo.csv', KOBO);
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		expect(r.mapping.idColumn).toBe('study_id');
		expect(r.mapping.places.map((p) => [p.key, p.source.kind, p.activity])).toEqual([
			['sleep', 'latlon', { kind: 'fixed', activity: 'sleep' }],
			['buy', 'latlon', { kind: 'fixed', activity: 'buy' }]
		]);
		const { plan } = r;
		expect(plan.respondents).toBe(3);
		expect(plan.newCodes).toEqual(['VB-101', 'NV-102', 'SH-103']);
		expect(plan.answers).toHaveLength(4);
		expect(plan.answers[0]).toMatchObject({
			code: 'VB-101',
			activity: 'sleep',
			frequency: 'daily',
			where: { kind: 'cell', cell: latLngToCell(55.6702, 12.5559, 9) }
		});
		// 480 m is less precise than a resolution-9 cell (≈200 m edge): left out and counted
		expect(plan.rejected).toEqual([
			{ row: 4, column: '_sleep_latitude', reason: 'imprecise', accuracy: 480 }
		]);
	});

	it('reads an ODK Central CSV: the geopoint as "lat lon alt acc" in one cell', async () => {
		const csv =
			'KEY,participant_code,where_hang_out\nuuid:1,VB-201,55.6702 12.5559 0 4.5\nuuid:2,VB-202,\n';
		const r = await run('odk.csv', csv);
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		expect(r.mapping.places[0]).toMatchObject({
			source: { kind: 'geopoint' },
			activity: { activity: 'hang-out' }
		});
		expect(r.plan.respondents).toBe(2);
		expect(r.plan.answers.map((a) => a.code)).toEqual(['VB-201']);
	});

	it('reads a REDCap CSV: plain latitude and longitude fields, no precision', async () => {
		const csv = 'record_id,help_lat,help_lon\nSH-301,55.6585,12.5993\n';
		const r = await run('redcap.csv', csv);
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		expect(r.plan.answers[0]).toMatchObject({ activity: 'help', where: { kind: 'cell' } });
	});

	it('takes a glossary id as that glossary place, and a GeoJSON of points', async () => {
		const r = await run('glossary.csv', `study_id,place_eat\nVB-401,${GLOSSARY_ID}\n`);
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		expect(r.plan.answers[0]).toMatchObject({
			activity: 'eat',
			where: { kind: 'place', placeId: GLOSSARY_ID }
		});
		const geo = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					geometry: { type: 'Point', coordinates: [12.5516, 55.6649] },
					properties: { study_id: 'VB-402' }
				}
			]
		});
		const g = await run('kobo.geojson', geo);
		if (!g.ok) throw new Error(JSON.stringify(g.problem));
		expect(g.plan.answers[0]?.where).toEqual({
			kind: 'cell',
			cell: latLngToCell(55.6649, 12.5516, 9)
		});
	});

	it('snaps no finer than consent allows, and leaves out withdrawn and unconsented respondents', async () => {
		const t = await table('kobo.csv', KOBO);
		const known = (location: Consent['location'], withdrawn = false) => ({
			id: newId(),
			consent: { ...CONSENT, location },
			withdrawn
		});
		const participants = new Map([
			['VB-101', known('neighbourhood')],
			['NV-102', known('none')],
			['SH-103', known('cell', true)]
		]);
		const mapping = { ...suggestMapping(t), consent: CONSENT };
		const r = planSurvey(t, mapping, ctx(t, { participants }));
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		expect(r.plan.matched).toBe(3);
		expect(r.plan.answers.map((a) => a.where)).toEqual([
			{ kind: 'cell', cell: latLngToCell(55.6702, 12.5559, 7) },
			{ kind: 'cell', cell: latLngToCell(55.6649, 12.5516, 7) }
		]);
		expect(r.plan.rejected.map((x) => x.reason)).toEqual(['no-consent', 'withdrawn', 'withdrawn']);
	});

	it('gives every answer the same id on every import of the file, and another for another file', async () => {
		const t = await table('kobo.csv', KOBO);
		const mapping = { ...suggestMapping(t), consent: CONSENT };
		const a = planSurvey(t, mapping, ctx(t));
		const b = planSurvey(t, mapping, ctx(t));
		const ids = (r: typeof a) => (r.ok ? r.plan.answers.map((x) => x.id) : []);
		expect(ids(a)).toEqual(ids(b));
		expect(new Set(ids(a)).size).toBe(4);
		expect(ids(planSurvey(t, mapping, { ...ctx(t), fileKey: 'other' }))).not.toEqual(ids(a));
		expect(derivedId('x')).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
	});

	it('reads a Danish Excel CSV: semicolons and decimal commas', async () => {
		const r = await run('excel.csv', 'study_id;use_lat;use_lon\nVB-501;55,6649;12,5516\n');
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		expect(r.plan.answers[0]?.where).toEqual({
			kind: 'cell',
			cell: latLngToCell(55.6649, 12.5516, 9)
		});
	});

	it('reads the chosen sheet of an XLSX', async () => {
		const book = xlsxWorkbook({
			survey: [
				['study_id', 'sleep_lat', 'sleep_lon'],
				['VB-601', 55.6649, 12.5516]
			],
			repeat_group: [
				['_parent_index', 'x'],
				[1, 'y']
			]
		});
		const t = await table('kobo.xlsx', book, 'survey');
		const r = planSurvey(t, { ...suggestMapping(t), consent: CONSENT }, ctx(t));
		expect(r.ok && r.plan.answers[0]?.activity).toBe('sleep');
	});
});

const ok = 'study_id,sleep_lat,sleep_lon\n';
const lines = (n: number) =>
	ok + Array.from({ length: n }, (_, i) => `VB-${i},55.6649,12.5516`).join('\n');

/** The bad input: each gives the first problem, by row and column, and plans nothing. */
const BAD: [string, string, string | Uint8Array, object][] = [
	['no ID column', 'a.csv', 'sleep_lat,sleep_lon\n55.66,12.55\n', { kind: 'no-id-column' }],
	[
		'an ID repeated with conflicting answers',
		'a.csv',
		`${ok}VB-1,55.6649,12.5516\nVB-2,55.6649,12.5516\nVB-1,55.6702,12.5559\n`,
		{ kind: 'conflicting-answers', row: 4, column: 'study_id', firstRow: 2 }
	],
	[
		'a geopoint that does not parse',
		'a.csv',
		'study_id,sleep\nVB-1,55.6649 12.5516 0 5\nVB-2,55.66N 12.55E\n',
		{ kind: 'bad-geopoint', row: 3, column: 'sleep' }
	],
	[
		'latitude and longitude swapped',
		'a.csv',
		`${ok}VB-1,55.6649,12.5516\nVB-2,12.5516,55.6649\n`,
		{ kind: 'swapped', row: 3, column: 'sleep_lat' }
	],
	[
		'a number that is not one',
		'a.csv',
		`${ok}VB-1,55.66.49,12.5516\n`,
		{ kind: 'bad-number', row: 2, column: 'sleep_lat' }
	],
	['an empty file', 'a.csv', '', { kind: 'empty' }],
	['a file of only headers', 'a.csv', ok, { kind: 'headers-only' }],
	[
		'a wrong encoding (Latin-1 Danish letters)',
		'a.csv',
		new Uint8Array([...utf8(`${ok}VB-1,55.6649,12.5516\nS`), 0xf8, ...utf8('ren,55.66,12.55\n')]),
		{ kind: 'encoding', row: 3, column: 'study_id' }
	],
	[
		'a 100,000-row file',
		'a.csv',
		lines(100_000),
		{ kind: 'too-many-rows', rows: 100_000, max: 50_000 }
	],
	[
		'a formula cell',
		'a.csv',
		`study_id,sleep_lat,sleep_lon,note\nVB-1,55.6649,12.5516,"=HYPERLINK(""http://x"")"\n`,
		{ kind: 'formula', row: 2, column: 'note' }
	],
	[
		'an XLSX with several sheets',
		'a.xlsx',
		xlsxWorkbook({ a: [['study_id']], b: [['x']] }),
		{ kind: 'several-sheets', sheets: ['a', 'b'] }
	],
	[
		'a GeoJSON of lines',
		'a.geojson',
		JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: {},
					geometry: { type: 'Point', coordinates: [12.55, 55.66] }
				},
				{
					type: 'Feature',
					properties: {},
					geometry: {
						type: 'LineString',
						coordinates: [
							[12.55, 55.66],
							[12.56, 55.67]
						]
					}
				}
			]
		}),
		{ kind: 'not-points', row: 3, geometry: 'LineString' }
	],
	[
		'a glossary id that does not exist',
		'a.csv',
		`study_id,place\nVB-1,${newId()}\n`,
		{ kind: 'unknown-place', row: 2, column: 'place' }
	],
	[
		'a respondent without an ID',
		'a.csv',
		`${ok}VB-1,55.6649,12.5516\n,55.6649,12.5516\n`,
		{ kind: 'no-id', row: 3, column: 'study_id' }
	],
	[
		'an ID that is not a pseudonymous code',
		'a.csv',
		`${ok}Søren Hansen,55.6649,12.5516\n`,
		{ kind: 'bad-code', row: 2, column: 'study_id' }
	],
	[
		'an activity the survey form does not know',
		'a.csv',
		'study_id,p_lat,p_lon,p_activity\nVB-1,55.6649,12.5516,sleep\nVB-2,55.6649,12.5516,party\n',
		{ kind: 'unknown-value', row: 3, column: 'p_activity', value: 'party' }
	],
	[
		'a row longer than the header',
		'a.csv',
		`${ok}VB-1,55.6649,12.5516,extra\n`,
		{ kind: 'ragged-row', row: 2 }
	],
	['not a GeoJSON at all', 'a.geojson', '{"type":"Feature"}', { kind: 'not-geojson' }],
	['not an XLSX at all', 'a.xlsx', utf8('study_id,x\n'), { kind: 'not-xlsx' }]
];

describe('survey import: bad input names its first problem and plans nothing', () => {
	it.each(BAD)('%s', async (_, name, content, problem) => {
		const r = await run(name, content);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.problem).toMatchObject(problem);
	});

	it('points outside Copenhagen and a precision of 500 m are left out, each counted with its row and column', async () => {
		const csv =
			'study_id,_h_latitude,_h_longitude,_h_precision\nVB-1,55.6649,12.5516,5\nVB-2,55.4,12.2,5\nVB-3,55.6649,12.5516,500\n';
		const r = await run('a.csv', csv);
		if (!r.ok) throw new Error(JSON.stringify(r.problem));
		expect(r.plan.answers).toHaveLength(1);
		expect(r.plan.rejected).toEqual([
			{ row: 3, column: '_h_latitude', reason: 'outside' },
			{ row: 4, column: '_h_latitude', reason: 'imprecise', accuracy: 500 }
		]);
	});
});
