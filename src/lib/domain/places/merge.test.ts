import { describe, expect, it } from 'vitest';
import { mergePlaces, mergeRedirects, rewriteLinks } from './merge';
import { descriptionFromText, PLACE_FIELDS, PlaceContent } from './place';
import { testPlace } from '$lib/testing/place';

const point = (lon: number, radius = 20) => ({ type: 'point' as const, lon, lat: 55.66, radius });

describe('merging duplicate places', () => {
	const kept = testPlace({
		name: 'Mekka',
		aliases: ['Kødbyen-hjørnet', 'Mecca'],
		category: 'hangout',
		location: point(12.55),
		positionToVerify: true,
		description: descriptionFromText('Hjørnet ved Kødbyen.')
	});
	const other = testPlace({
		name: 'Kodbyen hjornet',
		aliases: ['MEKKA', 'Det hvide'],
		officialName: 'Flæsketorvet',
		category: 'buying',
		neighbourhood: 'vesterbro',
		location: point(12.56),
		description: descriptionFromText('Where people buy.'),
		validFrom: '2020-01-01'
	});

	it('keeps the chosen name; the other names become aliases, deduplicated by folded form', () => {
		const r = mergePlaces(kept, other);
		expect(r.kept.name).toBe('Mekka');
		// "Kodbyen hjornet" folds like "Kødbyen-hjørnet" and "MEKKA" like the name: neither repeats.
		expect(r.kept.aliases).toEqual(['Kødbyen-hjørnet', 'Mecca', 'Det hvide']);
		const plain = testPlace({ name: 'Bænken' });
		expect(mergePlaces(plain, kept).kept.aliases).toEqual(['Mekka', 'Kødbyen-hjørnet', 'Mecca']);
	});

	it('fills gaps from the other place and lists every decision', () => {
		const r = mergePlaces(kept, other);
		expect(r.kept.officialName).toBe('Flæsketorvet');
		expect(r.kept.neighbourhood).toBe('vesterbro');
		expect(r.kept.category).toBe('hangout');
		const by = Object.fromEntries(r.choices.map((c) => [c.field, c]));
		expect(by.officialName).toMatchObject({ source: 'other', reason: 'only-other-has-value' });
		expect(by.category).toMatchObject({ source: 'kept', reason: 'kept-has-value' });
		expect(new Set(r.choices.map((c) => c.field)).size).toBe(r.choices.length);
		expect(r.choices.map((c) => c.field).sort()).toEqual(
			PLACE_FIELDS.filter((f) => f !== 'mergedInto').sort()
		);
	});

	it('prefers a checked position over a guessed one', () => {
		const r = mergePlaces(kept, other);
		expect(r.kept.location).toEqual(point(12.56));
		expect(r.kept.positionToVerify).toBe(false);
		const verifiedKept = testPlace({ ...kept, positionToVerify: false });
		expect(mergePlaces(verifiedKept, other).kept.location).toEqual(point(12.55));
	});

	it('joins two different descriptions and keeps the widest validity period', () => {
		const r = mergePlaces(kept, other);
		expect(r.kept.description.text).toBe('Hjørnet ved Kødbyen.\n\nWhere people buy.');
		expect(r.kept.description.doc.content).toHaveLength(2);
		// Kept has no start date: it is known without limit, so the merged place is too.
		expect(r.kept.validFrom).toBeNull();
	});

	it('marks the result an institution if either was one', () => {
		const inst = testPlace({ name: 'H17', institution: true, institutionKind: 'consumption-room' });
		const plain = testPlace({ name: 'Fixerummet' });
		expect(mergePlaces(plain, inst).kept).toMatchObject({
			institution: true,
			institutionKind: 'consumption-room'
		});
		expect(mergePlaces(inst, plain).kept.institution).toBe(true);
	});

	it('lets the user override a decision', () => {
		const r = mergePlaces(kept, other, { category: 'other', location: 'kept' });
		expect(r.kept.category).toBe('buying');
		expect(r.kept.location).toEqual(point(12.55));
		expect(r.choices.find((c) => c.field === 'category')).toMatchObject({ reason: 'chosen' });
	});

	it('points the duplicate at the kept place and maps its id', () => {
		const r = mergePlaces(kept, other);
		expect(r.merged.mergedInto).toBe(kept.id);
		expect(r.merged.name).toBe(other.name);
		expect(r.idMap).toEqual({ [other.id]: kept.id });
		expect(PlaceContent.safeParse(r.merged).success).toBe(true);
	});

	it('refuses to merge a place with itself or a place already merged', () => {
		expect(() => mergePlaces(kept, kept)).toThrow();
		expect(() => mergePlaces(kept, { ...other, mergedInto: kept.id })).toThrow();
		expect(() => mergePlaces(kept, { ...other, deletedAt: 5 })).toThrow();
	});
});

describe('links after merges', () => {
	it('follows chains of merges to the live place and rewrites links without repeats', () => {
		const c = testPlace({ name: 'C' });
		const b = testPlace({ name: 'B', mergedInto: c.id });
		const a = testPlace({ name: 'A', mergedInto: b.id });
		const redirects = mergeRedirects([a, b, c]);
		expect(redirects.get(a.id)).toBe(c.id);
		expect(redirects.get(b.id)).toBe(c.id);
		expect(redirects.has(c.id)).toBe(false);
		expect(rewriteLinks([a.id, 'x', c.id, b.id], redirects)).toEqual([c.id, 'x']);
	});

	it('survives a cycle that only broken data can hold', () => {
		const [a, b, c] = ['A', 'B', 'C'].map((name) => testPlace({ name }));
		const cyclic = [
			{ ...a!, mergedInto: b!.id },
			{ ...b!, mergedInto: c!.id },
			{ ...c!, mergedInto: b!.id }
		];
		expect(mergeRedirects(cyclic).size).toBe(3);
	});
});
