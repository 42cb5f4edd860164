import { cellToParent } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { computeHeatmap } from './compute';
import type { NamedPlaceInput } from './schema';
import {
	cellOf,
	circle,
	dataset,
	day,
	HOME,
	ids,
	INSTITUTION_AT,
	participants,
	SHARED,
	visit
} from '$lib/testing/heatmap-data';

const named = (
	participantId: string,
	at: { lat: number; lon: number },
	n: number,
	over: Partial<NamedPlaceInput> = {}
): NamedPlaceInput => ({
	participantId,
	source: 'interview',
	cell: cellOf(at),
	activity: 'hang-out',
	namedAt: day(n),
	...over
});

const PLACES = { metric: 'places-named' } as const;

describe('places named', () => {
	it('counts distinct participants who named a cell, once each however often they named it', () => {
		const six = ids('p', 6);
		const input = dataset({
			participants: participants(...six),
			namedPlaces: six.flatMap((id, i) => [
				named(id, SHARED, 1 + (i % 2)),
				named(id, SHARED, 1 + (i % 2), { activity: 'buy' })
			])
		});
		const r = computeHeatmap(input, PLACES);
		expect(r.maps.vesterbro.cells).toEqual([{ cell: cellOf(SHARED), weight: 6, class: 1 }]);
		expect(r.maps.vesterbro.report).toMatchObject({
			smallestK: 6,
			participantsIncluded: 6,
			daysIncluded: 2,
			participantsBySource: { interview: 6, survey: 0, tracks: 0 }
		});
		expect(r.maps.vesterbro.report.parameters).toMatchObject({ unit: 'participants' });
		// the time metric does not read named places at all
		expect(computeHeatmap(input).maps.vesterbro.cells).toEqual([]);
	});

	it('holds back a home named by one person, and a place named by four, and one named on one day', () => {
		const five = ids('p', 5);
		const r = computeHeatmap(
			dataset({
				participants: participants('solo', ...five),
				namedPlaces: [
					named('solo', HOME, 1, { activity: 'sleep' }),
					...five.slice(0, 4).map((id, i) => named(id, SHARED, 1 + (i % 2))),
					...five.map((id) => named(id, INSTITUTION_AT, 3, { activity: 'buy' }))
				]
			}),
			PLACES
		);
		expect(r.maps.all.cells).toEqual([]);
		expect(r.maps.all.report.cellsSuppressed).toEqual({ k: 2, days: 1, dominance: 0 });
	});

	it('counts one activity alone, leaving out tracks and notes, which have none', () => {
		const five = ids('p', 5);
		const input = dataset({
			participants: participants(...five, 'q'),
			tracks: [...five, 'q'].map((id, i) => visit(id, SHARED, 1 + (i % 2))),
			namedPlaces: five.map((id, i) =>
				named(id, SHARED, 1 + (i % 2), { activity: i < 4 ? 'sleep' : 'eat' })
			)
		});
		const all = computeHeatmap(input, PLACES).maps.vesterbro;
		expect(all.cells).toEqual([{ cell: cellOf(SHARED), weight: 6, class: 1 }]);
		expect(all.report.participantsBySource).toMatchObject({ interview: 5, tracks: 6 });
		const sleep = computeHeatmap(input, { ...PLACES, activity: 'sleep' }).maps.vesterbro;
		expect(sleep.cells).toEqual([]);
		expect(sleep.report.cellsSuppressed.k).toBe(1);
		const noTracks = computeHeatmap(input, { ...PLACES, sources: ['interview', 'survey'] });
		expect(noTracks.maps.vesterbro.cells).toEqual([{ cell: cellOf(SHARED), weight: 5, class: 1 }]);
	});

	it('leaves out withdrawn participants, those without consent, and cells near an institution', () => {
		const five = ids('p', 5);
		const namedAt = (p: { lat: number; lon: number }) =>
			five.map((id, i) => named(id, p, 1 + (i % 2)));
		const input = dataset({
			participants: participants(...five),
			namedPlaces: [...namedAt(SHARED), ...namedAt(INSTITUTION_AT)],
			institutions: [circle('shelter', INSTITUTION_AT)]
		});
		const r = computeHeatmap(input, PLACES);
		expect(r.maps.all.cells.map((c) => c.cell)).toEqual([cellOf(SHARED)]);
		expect(r.maps.all.report.cellsRemovedAsInstitution).toBe(1);
		input.participants[0]!.withdrawn = true;
		const w = computeHeatmap(input, PLACES);
		expect(w.maps.all.cells).toEqual([]);
		expect(w.maps.all.report.participantsExcluded.withdrawn).toBe(1);
	});

	it('spreads a place named coarser than the map over its children: no more precise than stored', () => {
		const five = ids('p', 5);
		const coarse = cellToParent(cellOf(SHARED), 8);
		const r = computeHeatmap(
			dataset({
				participants: participants(...five),
				namedPlaces: five.map((id, i) => named(id, SHARED, 1 + (i % 2), { cell: coarse }))
			}),
			{ ...PLACES, evidence: true }
		);
		// five people at 1/7 each: k counts them, dominance does not single one out, and the
		// fingerprint of a map of one activity differs from the map of all
		const cell = r.evidence!.cells.find((c) => c.cell === cellOf(SHARED))!;
		expect(cell.weights).toEqual([0.14, 0.14, 0.14, 0.14, 0.14]);
		const r8 = computeHeatmap(
			dataset({
				participants: participants(...five),
				namedPlaces: five.map((id, i) => named(id, SHARED, 1 + (i % 2), { cell: coarse }))
			}),
			{ ...PLACES, resolution: 8 }
		);
		expect(r8.maps.vesterbro.cells).toEqual([{ cell: coarse, weight: 5, class: 1 }]);
	});
});
