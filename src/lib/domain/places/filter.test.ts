import { describe, expect, it } from 'vitest';
import { activeFilterCount, matchesPlaceFilter } from './filter';
import { testPlace } from '$lib/testing/place';

describe('filtering the glossary', () => {
	const h17 = testPlace({
		name: 'H17',
		category: 'using',
		institution: true,
		institutionKind: 'consumption-room',
		neighbourhood: 'vesterbro'
	});
	const lygten = testPlace({ name: 'Lygten', category: 'transport', neighbourhood: 'nordvest' });

	it('combines category, neighbourhood and institution filters', () => {
		const keep = (f: Parameters<typeof matchesPlaceFilter>[1]) =>
			[h17, lygten].filter((p) => matchesPlaceFilter(p, f)).map((p) => p.name);
		expect(keep({})).toEqual(['H17', 'Lygten']);
		expect(keep({ category: 'transport' })).toEqual(['Lygten']);
		expect(keep({ neighbourhood: 'vesterbro' })).toEqual(['H17']);
		expect(keep({ institution: 'only' })).toEqual(['H17']);
		expect(keep({ institution: 'none', neighbourhood: 'vesterbro' })).toEqual([]);
		expect(activeFilterCount({ category: 'using', institution: undefined })).toBe(1);
	});
});
