import { describe, expect, it } from 'vitest';
import { newId } from '../records/ids';
import { suggestMapping } from '../survey/mapping';
import { planSurvey } from '../survey/plan';
import { readSurvey } from '../survey/read';
import { glossaryChoiceList, glossaryGeoJson } from './glossary-export';

const place = (name: string, over: object = {}) => ({
	id: newId(),
	name,
	category: 'hangout' as const,
	location: { type: 'point' as const, lat: 55.6649, lon: 12.5516, radius: 20 },
	deletedAt: null,
	mergedInto: null,
	...over
});

describe('the glossary for survey tools', () => {
	const bench = place('Bænken');
	const cafe = place('Café Dugnad, "natcafé"', { category: 'getting-help', location: null });
	const gone = place('Gone', { deletedAt: 5 });

	it('is an ODK/Kobo choice list of live places, ids as the choice names', () => {
		const csv = glossaryChoiceList([bench, cafe, gone]);
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe('list_name,name,label::Dansk,label::English,category');
		expect(lines[1]).toBe(`place,${bench.id},Bænken,Bænken,hangout`);
		expect(lines[2]).toBe(
			`place,${cafe.id},"Café Dugnad, ""natcafé""","Café Dugnad, ""natcafé""",getting-help`
		);
		expect(lines).toHaveLength(3);
	});

	it('is a GeoJSON of the located places, with the id and title ODK reads', () => {
		const geo = glossaryGeoJson([bench, cafe, gone]);
		expect(geo.features).toEqual([
			{
				type: 'Feature',
				id: bench.id,
				geometry: { type: 'Point', coordinates: [12.5516, 55.6649] },
				properties: { id: bench.id, title: 'Bænken', category: 'hangout' }
			}
		]);
	});

	it('an answer holding a glossary id comes back as that glossary place', async () => {
		const r = await readSurvey(
			'a.csv',
			new TextEncoder().encode(`study_id,help_place\nVB-1,${cafe.id}\n`)
		);
		if (!r.ok) throw new Error('read');
		const plan = planSurvey(
			r.table,
			{
				...suggestMapping(r.table),
				consent: { location: 'none', followAlong: false, aggregate: true }
			},
			{
				participants: new Map(),
				glossary: new Set([bench.id, cafe.id]),
				resolution: 9,
				fileKey: 'k'
			}
		);
		expect(plan.ok && plan.plan.answers[0]).toMatchObject({
			activity: 'help',
			where: { kind: 'place', placeId: cafe.id }
		});
	});
});
