import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { newId } from '../records/ids';
import { InterviewContent } from './interview';
import { NamedPlaceContent, resolutionOfCell } from './named-place';
import { namedCellResolution } from './precision';

const participantId = newId();
const cell9 = latLngToCell(55.6649, 12.5516, 9);

describe('a named place', () => {
	it('holds a glossary place or a cell, with its attributes and defaults', () => {
		const place = NamedPlaceContent.parse({
			participantId,
			source: 'survey',
			where: { kind: 'place', placeId: newId() },
			activity: 'sleep'
		});
		expect(place).toMatchObject({ frequency: null, timesOfDay: [], note: '', offsetMs: null });
		const cell = NamedPlaceContent.parse({
			participantId,
			source: 'interview',
			where: { kind: 'cell', cell: cell9 },
			activity: 'buy',
			frequency: 'daily',
			timesOfDay: ['night', 'morning'],
			withWhom: 'alone',
			feeling: 'tense',
			period: 'the last 30 days',
			interviewId: newId(),
			offsetMs: 125_000
		});
		expect(cell.where).toEqual({ kind: 'cell', cell: cell9 });
	});

	it('keeps no position: a raw latitude and longitude are not part of the record', () => {
		const parsed = NamedPlaceContent.parse({
			participantId,
			source: 'survey',
			where: { kind: 'cell', cell: cell9, lat: 55.66491, lon: 12.55163 },
			activity: 'use',
			lat: 55.66491
		});
		expect(JSON.stringify(parsed)).not.toMatch(/55\.66|12\.55/);
	});

	it('refuses a cell finer than resolution 10, an unknown activity, an offset without an interview', () => {
		const base = { participantId, source: 'survey', activity: 'use' };
		const fine = latLngToCell(55.6649, 12.5516, 12);
		expect(resolutionOfCell(fine)).toBe(12);
		expect(
			NamedPlaceContent.safeParse({ ...base, where: { kind: 'cell', cell: fine } }).success
		).toBe(false);
		expect(
			NamedPlaceContent.safeParse({
				...base,
				activity: 'party',
				where: { kind: 'cell', cell: cell9 }
			}).success
		).toBe(false);
		expect(
			NamedPlaceContent.safeParse({ ...base, where: { kind: 'cell', cell: cell9 }, offsetMs: 5 })
				.success
		).toBe(false);
		expect(
			NamedPlaceContent.safeParse({
				...base,
				where: { kind: 'cell', cell: cell9 },
				timesOfDay: ['night', 'night']
			}).success
		).toBe(false);
	});

	it('is snapped no finer than the participant consented to', () => {
		expect(namedCellResolution('cell', 9)).toBe(9);
		expect(namedCellResolution('neighbourhood', 9)).toBe(7);
		expect(namedCellResolution('none', 9)).toBeNull();
	});
});

describe('an interview', () => {
	it('holds who, by whom, when, the prompts, notes and quotes', () => {
		const i = InterviewContent.parse({
			participantId,
			interviewerId: newId(),
			date: '2026-11-03',
			startedAt: Date.UTC(2026, 10, 3, 10),
			prompts: ['Where did you sleep last night?'],
			quotes: [{ text: 'Under the bridge, mostly.', offsetMs: 61_000 }]
		});
		expect(i).toMatchObject({ neighbourhood: null, consentCheckedAt: null, notes: '' });
		expect(i.quotes[0]).toMatchObject({ namedPlaceId: null });
		expect(InterviewContent.safeParse({ ...i, date: '3/11/2026' }).success).toBe(false);
		expect(InterviewContent.safeParse({ ...i, quotes: [{ text: '  ' }] }).success).toBe(false);
	});
});
