import { describe, expect, it } from 'vitest';
import { PlaceContent } from '../places/place';
import { STARTER_PLACES } from '../places/starter';
import { demoGlossary, demoStopPlace } from './glossary';

describe('the demo glossary', () => {
	const places = demoGlossary(3);

	it('has valid places in all three neighbourhoods, institutions among them', () => {
		for (const p of places) expect(() => PlaceContent.parse(p.content)).not.toThrow();
		const nbs = new Set(
			places.filter((p) => !p.content.institution).map((p) => p.content.neighbourhood)
		);
		expect([...nbs].sort()).toEqual(['nordvest', 'sundholm', 'vesterbro']);
		const institutions = places.filter((p) => p.content.institution);
		expect(institutions.map((p) => p.id)).toEqual(STARTER_PLACES.map((s) => s.id));
		expect(institutions.some((p) => p.content.positionToVerify)).toBe(true);
		expect(institutions.some((p) => !p.content.positionToVerify)).toBe(true);
	});

	it('leaves some labels out, and keeps the kiosk under another name with the label as an alias', () => {
		const names = places.map((p) => p.content.name);
		expect(names).not.toContain('Enghave Plads');
		const kiosk = places.find((p) => p.content.name === 'Kiosken på Istedgade')!;
		expect(kiosk.content.aliases).toContain('Istedgade, ved kiosken');
		expect(places.filter((p) => p.before !== null).length).toBeGreaterThan(2);
	});

	it('finds the place a stop is at, and none for a stop far from every place', () => {
		const withIds = places.map((p, i) => ({ id: `P${i}`, location: p.content.location ?? null }));
		const kodbyen = places.findIndex((p) => p.content.name === 'Kødbyen');
		expect(demoStopPlace({ lat: 55.6685, lon: 12.5606 }, withIds)).toBe(`P${kodbyen}`);
		expect(demoStopPlace({ lat: 55.6, lon: 12.4 }, withIds)).toBeNull();
	});
});
