import { describe, expect, it } from 'vitest';
import { APPROXIMATE_OUTLINES, neighbourhoodAt } from '../neighbourhoods';
import { ULID_PATTERN } from '../records/ids';
import { descriptionFromText } from './place';
import {
	missingStarterPlaces,
	shownDescription,
	STARTER_PLACES,
	starterPlaceContent,
	storedStarterDescription
} from './starter';

const byName = (name: string) => STARTER_PLACES.find((p) => p.name === name)!;

describe('starter institutions', () => {
	it('holds the institutions the project names, each with its kind', () => {
		expect(byName('H17')).toMatchObject({
			officialName: 'Halmtorvet 17',
			institutionKind: 'consumption-room',
			neighbourhood: 'vesterbro'
		});
		expect(byName('Mændenes Hjem')).toMatchObject({
			officialName: 'Istedgade 100',
			institutionKind: 'shelter'
		});
		expect(byName('Café Klare').institutionKind).toBe('night-cafe');
		expect(byName('Halmtorvet 9D').neighbourhood).toBe('vesterbro');
		expect(byName('Sundholm')).toMatchObject({
			officialName: 'Sundholmsvej 8',
			institutionKind: 'shelter',
			neighbourhood: 'sundholm'
		});
		const kinds = STARTER_PLACES.map((p) => p.institutionKind);
		expect(kinds.filter((k) => k === 'police')).toHaveLength(2);
		expect(kinds).toContain('street-team');
		for (const kind of ['treatment', 'job-centre'] as const)
			expect(
				new Set(
					STARTER_PLACES.filter((p) => p.institutionKind === kind).map((p) => p.neighbourhood)
				)
			).toEqual(new Set(['vesterbro', 'nordvest', 'sundholm']));
	});

	it('gives valid institutions, every one with its position to verify, in both languages', () => {
		for (const entry of STARTER_PLACES) {
			const en = starterPlaceContent(entry, 'en');
			const da = starterPlaceContent(entry, 'da');
			expect(en).toMatchObject({ institution: true, positionToVerify: true, mergedInto: null });
			expect(en.description.text.length).toBeGreaterThan(20);
			expect(da.description.text).not.toBe(en.description.text);
			expect(da.name).toBe(en.name);
		}
	});

	it('puts every guessed position inside its own neighbourhood', () => {
		const placed = STARTER_PLACES.filter((p) => p.location?.type === 'point');
		expect(placed.length).toBeGreaterThanOrEqual(6);
		for (const p of placed) {
			const loc = p.location as { lon: number; lat: number; radius: number };
			expect(loc.radius).toBeGreaterThan(0);
			expect(neighbourhoodAt(loc.lon, loc.lat, APPROXIMATE_OUTLINES), p.name).toBe(p.neighbourhood);
		}
	});

	it('has fixed, distinct ids so two devices adding the set do not make duplicates', () => {
		const ids = STARTER_PLACES.map((p) => p.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(ULID_PATTERN);
		expect(byName('H17').id).toBe('000000STARTERSET0000000001');
	});

	it('offers only what the workspace does not have yet', () => {
		const have = new Set([byName('H17').id]);
		const missing = missingStarterPlaces((id) => have.has(id));
		expect(missing).toHaveLength(STARTER_PLACES.length - 1);
		expect(missing.map((p) => p.name)).not.toContain('H17');
	});

	it("shows an unedited starter description in the reader's language only, an edited one as it is", () => {
		const entry = byName('H17');
		const stored = { id: entry.id, description: storedStarterDescription(entry) };
		expect(stored.description.text).toContain(entry.description.da);
		expect(stored.description.text).toContain(entry.description.en);
		expect(shownDescription(stored, 'da').text).toBe(entry.description.da);
		expect(shownDescription(stored, 'en').text).toBe(entry.description.en);
		const edited = { id: entry.id, description: descriptionFromText('Åbent hele natten.') };
		expect(shownDescription(edited, 'en')).toBe(edited.description);
		const other = { id: 'x', description: descriptionFromText('Anything') };
		expect(shownDescription(other, 'da')).toBe(other.description);
	});
});
