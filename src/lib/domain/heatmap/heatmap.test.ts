import { describe, expect, it } from 'vitest';
import { computeHeatmap } from './compute';
import {
	cellOf,
	dataset,
	HOME,
	ids,
	NORDVEST_SPOT,
	participants,
	SHARED,
	shownCells,
	visit
} from '$lib/testing/heatmap-data';

describe('disclosure rules (aggregate view)', () => {
	it("never shows a single participant's own place", () => {
		const crowd = ids('c', 5);
		const input = dataset({
			participants: participants('solo', ...crowd),
			tracks: [
				...[1, 2, 3, 4, 5].map((n) => visit('solo', HOME, n, 120)),
				...crowd.flatMap((id, i) => [visit(id, SHARED, 1 + (i % 2)), visit(id, SHARED, 7)]),
				visit('solo', SHARED, 7)
			]
		});
		const r = computeHeatmap(input);
		expect(shownCells(r).has(cellOf(HOME))).toBe(false);
		expect(r.maps.vesterbro.cells.map((c) => c.cell)).toEqual([cellOf(SHARED)]);
		expect(r.maps.vesterbro.report.cellsSuppressed.k).toBe(1);
		expect(r.maps.vesterbro.report.participantsIncluded).toBe(6);
	});

	it('suppresses four participants at one place (k = 5) and shows five on two days', () => {
		const four = ids('p', 4);
		const five = ids('p', 5);
		const at = (people: string[]) =>
			dataset({
				participants: participants(...people),
				tracks: people.map((id, i) => visit(id, SHARED, 1 + (i % 2)))
			});
		const r4 = computeHeatmap(at(four));
		expect(r4.maps.vesterbro.cells).toEqual([]);
		expect(r4.maps.vesterbro.report.cellsSuppressed).toMatchObject({ k: 1 });
		expect(r4.maps.all.report.smallestK).toBeNull();

		const r5 = computeHeatmap(at(five));
		expect(r5.maps.vesterbro.cells).toEqual([{ cell: cellOf(SHARED), weight: 150, class: 3 }]);
		expect(r5.maps.vesterbro.report).toMatchObject({
			cellsShown: 1,
			smallestK: 5,
			participantsIncluded: 5,
			daysIncluded: 2
		});
		expect(r5.maps.all.cells).toEqual(r5.maps.vesterbro.cells);
		expect(r5.maps.nordvest.cells).toEqual([]);
	});

	it('suppresses five participants who were all there on one day only', () => {
		const five = ids('p', 5);
		const r = computeHeatmap(
			dataset({
				participants: participants(...five),
				tracks: five.map((id) => visit(id, SHARED, 3))
			})
		);
		expect(r.maps.all.cells).toEqual([]);
		expect(r.maps.all.report.cellsSuppressed).toMatchObject({ k: 0, days: 1 });
	});

	it('suppresses a cell where one participant makes up more than half the weight', () => {
		const five = ids('p', 5);
		const tracks = (mainMinutes: number) =>
			five.map((id, i) => visit(id, SHARED, 1 + (i % 2), i === 0 ? mainMinutes : 15));
		const input = (minutes: number) =>
			dataset({ participants: participants(...five), tracks: tracks(minutes) });
		const dominated = computeHeatmap(input(90)); // 90 of 150 minutes: 60 %
		expect(dominated.maps.all.cells).toEqual([]);
		expect(dominated.maps.all.report.cellsSuppressed).toMatchObject({ dominance: 1 });
		const balanced = computeHeatmap(input(45)); // 45 of 105 minutes: 43 %
		expect(balanced.maps.all.cells.map((c) => c.cell)).toEqual([cellOf(SHARED)]);
	});

	it('suppresses a cell where two participants make up more than 85 % (the (2, 85 %) rule)', () => {
		// two people who share a home, 49.9 % each over four nights, and three passers-by
		const input = (passing: number) =>
			dataset({
				participants: participants('a', 'b', 'x', 'y', 'z'),
				tracks: [
					...[1, 2, 3, 4].flatMap((n) => [
						visit('a', HOME, n, 470, 20),
						visit('b', HOME, n, 470, 20)
					]),
					...['x', 'y', 'z'].map((id, i) => visit(id, HOME, 1 + i, passing))
				]
			});
		const shared = computeHeatmap(input(2));
		expect(shared.maps.all.cells).toEqual([]);
		expect(shared.maps.all.report.cellsSuppressed).toMatchObject({ k: 0, days: 0, dominance: 1 });
		// once the passers-by make up more than 15 %, neither rule holds it back
		const crowded = computeHeatmap(input(300));
		expect(crowded.maps.all.cells.map((c) => c.cell)).toEqual([cellOf(HOME)]);
		expect(() => computeHeatmap(input(2), { maxTopTwoShare: 0.9 })).toThrow();
	});

	it('publishes with k = 10 in the publication preset; classes are the project’s, fixed', () => {
		const ten = ids('p', 10);
		const input = dataset({
			participants: participants(...ten),
			tracks: ten.flatMap((id, i) => [
				visit(id, SHARED, 1 + (i % 2), 10 + 7 * i),
				...(i < 6 ? [visit(id, NORDVEST_SPOT, 1 + (i % 2), 20 + i)] : [])
			])
		});
		const standard = computeHeatmap(input);
		expect(standard.maps.all.cells).toHaveLength(2);
		const pub = computeHeatmap(input, { preset: 'publication' });
		expect(pub.maps.all.cells).toEqual([{ cell: cellOf(SHARED), weight: 415, class: 4 }]);
		// the same classes on every map, whatever its cells: 300–600 minutes is class 4
		expect(pub.maps.all.classes).toEqual(standard.maps.all.classes);
		expect(pub.maps.all.classes[3]).toEqual({ class: 4, from: 300, to: 600 });
		expect(pub.maps.all.classes.at(-1)).toEqual({ class: 7, from: 3000, to: null });
		expect(pub.maps.all.report.parameters).toMatchObject({ k: 10, maxTopTwoShare: 0.85 });
		expect(() => computeHeatmap(input, { preset: 'publication', k: 5 })).toThrow(/k ≥ 10/);
		expect(() => computeHeatmap(input, { k: 3 })).toThrow();
	});

	it('counts notes and person-days when asked', () => {
		const five = ids('p', 5);
		const notes = five.map((id, i) => ({
			participantIds: [id],
			observedAt: visit(id, SHARED, 1 + (i % 2)).t[0]!,
			cell: cellOf(SHARED, 8) // snapped coarser at capture: spread over its 7 children
		}));
		const input = dataset({
			participants: participants(...five),
			tracks: five.flatMap((id, i) => [visit(id, SHARED, 1 + (i % 2)), visit(id, SHARED, 4)]),
			notes
		});
		const byNotes = computeHeatmap(input, { metric: 'notes' });
		expect(byNotes.maps.all.cells).toHaveLength(7);
		expect(byNotes.maps.all.cells.every((c) => Math.abs(c.weight - 5 / 7) < 0.01)).toBe(true);
		const byDays = computeHeatmap(input, { metric: 'person-days' });
		expect(byDays.maps.all.cells).toEqual([{ cell: cellOf(SHARED), weight: 10, class: 2 }]);
		// notes at the map's own resolution do count as presence
		const fine = notes.map((n) => ({
			...n,
			cell: cellOf(NORDVEST_SPOT),
			observedAt: n.observedAt
		}));
		const withFine = computeHeatmap({ ...input, notes: fine }, { metric: 'person-days' });
		expect(withFine.maps.nordvest.cells).toEqual([
			{ cell: cellOf(NORDVEST_SPOT), weight: 5, class: 1 }
		]);
		expect(byDays.maps.all.report.parameters.unit).toBe('person-days');
	});
});

describe("one participant's everyday places (participant view)", () => {
	it('shows only that participant, without the k and day rules, flagged not for publication', () => {
		const crowd = ids('c', 5);
		const r = computeHeatmap(
			dataset({
				participants: participants('solo', ...crowd),
				tracks: [visit('solo', HOME, 1, 60), ...crowd.map((id) => visit(id, SHARED, 2))]
			}),
			{ view: { kind: 'participant', participantId: 'solo' } }
		);
		expect(r.maps.all.cells).toEqual([{ cell: cellOf(HOME), weight: 60, class: 2 }]);
		expect(r.maps.all.report).toMatchObject({ notForPublication: true, view: 'participant' });
	});
});
