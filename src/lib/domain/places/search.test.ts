import { describe, expect, it } from 'vitest';
import { createPlaceSearch, searchPlaces } from './search';
import { testPlace } from '$lib/testing/place';

const kodbyen = testPlace({ name: 'Kødbyen', aliases: ['Mekka', 'Det hvide'] });
const halm = testPlace({ name: 'Halmtorvet 17', aliases: ['H17', 'Fixerummet'] });
const stairs = testPlace({ name: 'Trappen', aliases: ['Stairs'], officialName: 'Enghave Plads' });
const aeblet = testPlace({ name: 'Æblet' });
const mekkaTrappe = testPlace({ name: 'Mekka-trappen' });
const gone = testPlace({ name: 'Mekka gammel' }, { deletedAt: 10 });
const merged = testPlace({ name: 'Mekkah', mergedInto: kodbyen.id });
const all = [kodbyen, halm, stairs, aeblet, mekkaTrappe, gone, merged];
const names = (q: string) => searchPlaces(all, q).map((m) => m.place.name);

describe('place search', () => {
	it('finds a place by an alias, diacritics-insensitively, and says which label matched', () => {
		expect(searchPlaces(all, 'kodby')[0]).toMatchObject({
			place: { id: kodbyen.id },
			label: 'Kødbyen',
			field: 'name',
			rank: 'prefix'
		});
		expect(searchPlaces(all, 'fixe')[0]).toMatchObject({ label: 'Fixerummet', field: 'alias' });
		expect(names('aeblet')).toEqual(['Æblet']);
		expect(names('ÆBLET')).toEqual(['Æblet']);
	});

	it('ranks an exact alias before a name that only starts with it', () => {
		expect(names('mekka')).toEqual(['Kødbyen', 'Mekka-trappen']);
		expect(searchPlaces(all, 'mekka')[0]).toMatchObject({ rank: 'exact', label: 'Mekka' });
	});

	it('ranks prefix, then word prefix, then substring', () => {
		const places = [
			testPlace({ name: 'Bag stationen' }),
			testPlace({ name: 'Stationen' }),
			testPlace({ name: 'Busstationen' })
		];
		expect(searchPlaces(places, 'station').map((m) => [m.place.name, m.rank])).toEqual([
			['Stationen', 'prefix'],
			['Bag stationen', 'word-prefix'],
			['Busstationen', 'substring']
		]);
	});

	it('matches several words each starting a word, ignoring punctuation', () => {
		expect(names('halm 17')).toEqual(['Halmtorvet 17']);
		expect(names('mekka trappen')).toEqual(['Mekka-trappen']);
	});

	it('searches the official name too, after names and aliases', () => {
		expect(searchPlaces(all, 'enghave')[0]).toMatchObject({
			field: 'official',
			place: { id: stairs.id }
		});
	});

	it('leaves out deleted and merged places and returns one row per place', () => {
		expect(names('mekka')).not.toContain('Mekka gammel');
		expect(names('mekkah')).toEqual([]);
		expect(searchPlaces(all, 'h').filter((m) => m.place.id === halm.id)).toHaveLength(1);
	});

	it('lists live places alphabetically for an empty query and respects the limit', () => {
		const search = createPlaceSearch(all);
		// Danish order: Æ after Z.
		expect(search('').map((m) => m.place.name)).toEqual([
			'Halmtorvet 17',
			'Kødbyen',
			'Mekka-trappen',
			'Trappen',
			'Æblet'
		]);
		expect(search('', 2)).toHaveLength(2);
		expect(search('zzz')).toEqual([]);
	});
});
