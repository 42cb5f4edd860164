import { describe, expect, it } from 'vitest';
import { filterFollowAlongs, isFiltered, NO_FILTER, type FilterableDay } from './list-filter';

const day = (iso: string, o: Partial<FilterableDay> = {}): FilterableDay & { name: string } => ({
	name: iso,
	startedAt: Date.parse(iso),
	participantId: 'p1',
	neighbourhood: 'vesterbro',
	routeSource: 'gps',
	code: 'VB-014',
	placeNames: [],
	...o
});
const days = [
	day('2026-03-03T08:00:00Z', { placeNames: ['Kødbyen', 'the stairs'] }),
	day('2012-10-25T12:00:00Z', { routeSource: 'imported', participantId: null, code: '' }),
	day('2026-03-05T23:30:00Z', { participantId: 'p2', code: 'NV-003', neighbourhood: 'nordvest' }),
	day('2026-02-28T10:00:00Z', { routeSource: 'sketch' })
];
const names = (f: Partial<typeof NO_FILTER>) =>
	filterFollowAlongs(days, { ...NO_FILTER, ...f }).map((d) => d.name);

describe('filtering the follow-alongs', () => {
	it('sorts by date, newest or oldest first (imported days by their own date, not at the end)', () => {
		expect(names({})).toEqual([
			'2026-03-05T23:30:00Z',
			'2026-03-03T08:00:00Z',
			'2026-02-28T10:00:00Z',
			'2012-10-25T12:00:00Z'
		]);
		expect(names({ sort: 'oldest' })[0]).toBe('2012-10-25T12:00:00Z');
		expect(isFiltered(NO_FILTER)).toBe(false);
	});

	it('narrows by participant, neighbourhood, source and Copenhagen date range', () => {
		expect(names({ participantId: 'p2' })).toEqual(['2026-03-05T23:30:00Z']);
		expect(names({ neighbourhood: 'nordvest' })).toEqual(['2026-03-05T23:30:00Z']);
		expect(names({ source: 'imported' })).toEqual(['2012-10-25T12:00:00Z']);
		// 23:30 UTC on the 5th is the 6th in Copenhagen.
		expect(names({ from: '2026-03-03', to: '2026-03-05' })).toEqual(['2026-03-03T08:00:00Z']);
		expect(names({ from: '2026-03-06' })).toEqual(['2026-03-05T23:30:00Z']);
		expect(names({ participantId: 'p1', to: '2026-03-01' })).toEqual(['2026-02-28T10:00:00Z']);
	});

	it('searches codes and place names without case or Danish letters', () => {
		expect(names({ query: 'nv-003' })).toEqual(['2026-03-05T23:30:00Z']);
		expect(names({ query: 'kodbyen' })).toEqual(['2026-03-03T08:00:00Z']);
		expect(names({ query: 'vb-014 STAIRS' })).toEqual(['2026-03-03T08:00:00Z']);
		expect(names({ query: 'nowhere' })).toEqual([]);
	});
});
