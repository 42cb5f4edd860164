import { describe, expect, it } from 'vitest';
import { generateBenchData } from '$lib/testing/heatmap-bench-data';
import { computeHeatmap } from './compute';
import { HeatmapCancelled, type HeatmapInput, type HeatmapResult } from './schema';
import {
	cellOf,
	dataset,
	HOME,
	ids,
	NORDVEST_SPOT,
	participants,
	SHARED,
	visit
} from '$lib/testing/heatmap-data';

const crowd = ids('p', 6);

function base(): HeatmapInput {
	return dataset({
		participants: participants(...crowd),
		tracks: crowd.flatMap((id, i) => [
			visit(id, SHARED, 1 + (i % 2), 20 + i),
			visit(id, NORDVEST_SPOT, 3 + (i % 2), 30)
		])
	});
}

/** The maps without the count of excluded participants (which is meant to change). */
function withoutExcludedCounts(r: HeatmapResult) {
	return Object.values(r.maps).map((m) => ({
		...m,
		report: { ...m.report, participantsExcluded: null }
	}));
}

describe('consent and withdrawal', () => {
	for (const status of [
		{ withdrawn: true, aggregateConsent: true },
		{ withdrawn: false, aggregateConsent: false }
	])
		it(`leaves out a participant ${status.withdrawn ? 'who withdrew' : 'without consent to aggregates'}`, () => {
			const before = computeHeatmap(base());
			// x dominates SHARED and fills their own home: had they counted, both maps would change
			const withX = base();
			withX.participants.push({ id: 'x', ...status });
			withX.tracks.push(visit('x', SHARED, 1, 600), visit('x', SHARED, 2, 600));
			withX.tracks.push(...[1, 2, 3, 4, 5].map((n) => visit('x', HOME, n, 300)));
			withX.stops.push({
				participantId: 'x',
				followAlongId: 'x-stop',
				arrivedAt: withX.tracks[0]!.t[0]!,
				departedAt: withX.tracks[0]!.t[0]! + 3_600_000,
				...SHARED
			});
			withX.notes.push({
				participantIds: ['x'],
				observedAt: withX.tracks[0]!.t[0]!,
				cell: cellOf(SHARED)
			});
			const after = computeHeatmap(withX);
			expect(withoutExcludedCounts(after)).toEqual(withoutExcludedCounts(before));
			expect(after.maps.all.report.participantsExcluded).toEqual({
				withdrawn: status.withdrawn ? 1 : 0,
				noConsent: status.withdrawn ? 0 : 1,
				unknown: 0
			});
			const asOwnView = computeHeatmap(withX, {
				view: { kind: 'participant', participantId: 'x' }
			});
			expect(asOwnView.maps.all.cells).toEqual([]);
		});

	it('leaves out data of a participant who is not in the list at all', () => {
		const input = base();
		input.tracks.push(visit('stranger', SHARED, 1, 600));
		const r = computeHeatmap(input);
		expect(withoutExcludedCounts(r)).toEqual(withoutExcludedCounts(computeHeatmap(base())));
		expect(r.maps.all.report.participantsExcluded.unknown).toBe(1);
	});
});

describe('determinism', () => {
	it('gives the same output for the same input', () => {
		const input = generateBenchData({ fixes: 60_000, participants: 30, seed: 7 });
		const a = computeHeatmap(input);
		const b = computeHeatmap(generateBenchData({ fixes: 60_000, participants: 30, seed: 7 }));
		expect(JSON.stringify(b)).toBe(JSON.stringify(a));
		expect(a.maps.all.cells.length).toBeGreaterThan(0);
	});
});

describe('progress', () => {
	it('reports rising fractions up to 1 and stops when asked', () => {
		const input = generateBenchData({ fixes: 400_000, participants: 20, seed: 3 });
		const seen: number[] = [];
		computeHeatmap(input, {}, (f) => void seen.push(f));
		expect(seen.length).toBeGreaterThan(4);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(seen.at(-1)).toBe(1);
		expect(() => computeHeatmap(input, {}, (f) => f < 0.3)).toThrow(HeatmapCancelled);
	});
});
