import { describe, expect, it } from 'vitest';
import {
	cleanAliases,
	descriptionFromText,
	isLive,
	isValidOn,
	Place,
	PlaceContent,
	placeContent
} from './place';
import { testPlace } from '$lib/testing/place';

const ring = [
	[12.55, 55.66],
	[12.56, 55.66],
	[12.56, 55.67],
	[12.55, 55.66]
];

describe('place content', () => {
	it('needs only a name; everything else has a default', () => {
		const p = PlaceContent.parse({ name: '  Trappen ' });
		expect(p).toMatchObject({
			name: 'Trappen',
			aliases: [],
			category: 'other',
			institution: false,
			institutionKind: null,
			location: null,
			positionToVerify: false,
			mergedInto: null
		});
	});

	it('keeps HTML in a name as text, exactly as typed', () => {
		const name = '<img src=x onerror="alert(1)"> & <b>Mekka</b>';
		expect(PlaceContent.parse({ name }).name).toBe(name);
	});

	it('rejects names over 200 characters, empty names and control characters', () => {
		expect(PlaceContent.safeParse({ name: 'x'.repeat(200) }).success).toBe(true);
		expect(PlaceContent.safeParse({ name: 'x'.repeat(10_000) }).success).toBe(false);
		expect(PlaceContent.safeParse({ name: '   ' }).success).toBe(false);
		expect(PlaceContent.safeParse({ name: 'Trap\u0000pen' }).success).toBe(false);
		expect(PlaceContent.safeParse({ name: 'Trappen\n2' }).success).toBe(false);
		expect(PlaceContent.safeParse({ name: 'ok', aliases: ['x'.repeat(201)] }).success).toBe(false);
		expect(PlaceContent.safeParse({ name: 'ok', officialName: '\u001b[31m' }).success).toBe(false);
	});

	it('allows line breaks in a description but not other controls', () => {
		const ok = descriptionFromText('Bag stationen.\nOm natten.');
		expect(PlaceContent.safeParse({ name: 'x', description: ok }).success).toBe(true);
		const bad = descriptionFromText('bell\u0007');
		expect(PlaceContent.safeParse({ name: 'x', description: bad }).success).toBe(false);
	});

	it('ties the institution flag and its kind together', () => {
		expect(PlaceContent.safeParse({ name: 'H17', institution: true }).success).toBe(false);
		expect(PlaceContent.safeParse({ name: 'x', institutionKind: 'police' }).success).toBe(false);
		expect(
			PlaceContent.safeParse({
				name: 'H17',
				institution: true,
				institutionKind: 'consumption-room'
			}).success
		).toBe(true);
	});

	it('checks the same rules on a stored place', () => {
		const p = testPlace();
		expect(Place.safeParse(p).success).toBe(true);
		expect(Place.safeParse({ ...p, institution: true }).success).toBe(false);
	});

	it('takes a point with a radius or a closed ring', () => {
		const point = { type: 'point', lon: 12.55, lat: 55.66, radius: 30 };
		expect(PlaceContent.safeParse({ name: 'x', location: point }).success).toBe(true);
		expect(PlaceContent.safeParse({ name: 'x', location: { ...point, radius: -1 } }).success).toBe(
			false
		);
		expect(PlaceContent.safeParse({ name: 'x', location: { type: 'polygon', ring } }).success).toBe(
			true
		);
		const open = ring.slice(0, 3).concat([[12.5, 55.6]]);
		expect(
			PlaceContent.safeParse({ name: 'x', location: { type: 'polygon', ring: open } }).success
		).toBe(false);
		expect(
			PlaceContent.safeParse({
				name: 'x',
				location: { type: 'point', lon: 200, lat: 0, radius: 1 }
			}).success
		).toBe(false);
	});

	it('takes a validity period of days and rejects one that ends before it starts', () => {
		const p = PlaceContent.parse({ name: 'x', validFrom: '2023-01-01', validTo: '2024-06-30' });
		expect(isValidOn(p, '2024-06-30')).toBe(true);
		expect(isValidOn(p, '2024-07-01')).toBe(false);
		expect(isValidOn(p, '2022-12-31')).toBe(false);
		expect(isValidOn(PlaceContent.parse({ name: 'x' }), '1999-01-01')).toBe(true);
		expect(
			PlaceContent.safeParse({ name: 'x', validFrom: '2024-01-01', validTo: '2023-01-01' }).success
		).toBe(false);
		expect(PlaceContent.safeParse({ name: 'x', validFrom: '1/1/2024' }).success).toBe(false);
	});

	it('splits content from a stored place and knows which places are live', () => {
		const p = testPlace({ name: 'Mekka' });
		expect(Object.keys(placeContent(p))).not.toContain('id');
		expect(isLive(p)).toBe(true);
		expect(isLive({ ...p, deletedAt: 5 })).toBe(false);
		expect(isLive({ ...p, mergedInto: p.id })).toBe(false);
	});
});

describe('cleanAliases', () => {
	it('drops repeats, blanks and the name itself, comparing folded forms', () => {
		expect(
			cleanAliases('Kødbyen', [
				'kodbyen',
				' Kødbyen ',
				'Mekka',
				'MEKKA',
				'',
				'Det Hvide',
				'det-hvide'
			])
		).toEqual(['Mekka', 'Det Hvide']);
	});
});
