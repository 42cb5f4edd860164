import { describe, expect, it } from 'vitest';
import { summariseDay } from '../tracks/summary';
import { EMPTY_TRACK } from '../tracks/track';
import { nameStop, placeStops, type StopPlaceEntry } from './stop-place';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 3, 9, 0);
const HJEM: StopPlaceEntry = { id: 'p1', name: 'Mændenes Hjem', institution: true };
const TRAPPEN: StopPlaceEntry = { id: 'p2', name: 'Kirketrappen', institution: false };
const places = new Map([HJEM, TRAPPEN].map((p) => [p.id, p]));

const stop = (o: Partial<Parameters<typeof nameStop>[0]> & { at: number; minutes: number }) => ({
	placeId: null,
	ownName: '',
	institution: false,
	arrivedAt: T0 + o.at * MIN,
	departedAt: T0 + (o.at + o.minutes) * MIN,
	...o
});

describe('a stop linked to a glossary place', () => {
	it('takes the place’s name and institution status, with the participant’s own name beside', () => {
		expect(
			nameStop(stop({ at: 0, minutes: 44, placeId: 'p1', ownName: 'herberget' }), HJEM)
		).toEqual({ placeId: 'p1', name: 'Mændenes Hjem', ownName: 'herberget', institution: true });
		// The same name, folded, is not repeated beside it.
		expect(
			nameStop(stop({ at: 0, minutes: 1, ownName: 'mændenes hjem' }), HJEM).ownName
		).toBeNull();
	});

	it('keeps its own name and mark without a place', () => {
		expect(
			nameStop(stop({ at: 0, minutes: 1, ownName: 'bænken', institution: true }), undefined)
		).toEqual({ placeId: null, name: 'bænken', ownName: null, institution: true });
	});

	it('counts a 44-minute stop at an institution place as time at institutions, named by the place', () => {
		const stops = [
			stop({ at: 0, minutes: 44, placeId: 'p1', ownName: 'herberget' }),
			stop({ at: 50, minutes: 10, placeId: 'p2' }),
			stop({ at: 70, minutes: 5, ownName: 'bænken' })
		];
		const s = summariseDay(
			EMPTY_TRACK,
			placeStops(stops, (id) => places.get(id), T0)
		);
		expect(s.institutionMs).toBe(44 * MIN);
		expect(s.perPlace.map((p) => [p.label, p.ms / MIN, p.institution, p.ownNames])).toEqual([
			['Mændenes Hjem', 44, true, ['herberget']],
			['Kirketrappen', 10, false, []],
			['bænken', 5, false, []]
		]);
	});
});
