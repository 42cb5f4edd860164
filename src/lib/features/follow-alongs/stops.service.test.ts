import { describe, expect, it } from 'vitest';
import { syntheticTrack } from '$lib/domain/tracks/synthetic';
import { trackToFixes } from '$lib/domain/tracks/track';
import { stopsOf } from '$lib/db/follow-alongs.queries';
import { stopsRepo } from '$lib/db/follow-alongs.repo';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { startFollowAlong } from './follow-alongs.service';
import {
	addStop,
	closeStop,
	confirmStop,
	deleteStop,
	detectFollowAlongStops,
	markStop,
	mergeTwoStops,
	restoreStop,
	splitOneStop,
	undoStopChange,
	updateStop
} from './stops.service';
import { TrackWriter } from './track-writer.service';
import { T0 } from '$lib/testing/follow-alongs';
import { listTrash } from '$lib/features/settings/trash.service';

const SETTINGS = { stopRadiusMetres: 50, stopMinMinutes: 5 };
const A = { lat: 55.6703, lon: 12.5598 };
const B = { lat: 55.6716, lon: 12.5622 };

useFreshWorkspace();

/** A recorded day with known stops: 20 min at A, a walk, 15 min at B. */
async function recordedDay() {
	const day = await startFollowAlong({ participantId: null }, T0);
	const synthetic = syntheticTrack({
		seed: 11,
		start: T0,
		stops: [
			{ ...A, dwellMs: 20 * 60_000 },
			{ ...B, dwellMs: 15 * 60_000 }
		]
	});
	const writer = await TrackWriter.open(day.id);
	for (const f of trackToFixes(synthetic.track)) writer.add(f);
	await writer.flush();
	return { day, truth: synthetic.stops };
}

describe('stops of a day', () => {
	it('detection proposes the known stops; running it again replaces the proposals', async () => {
		const { day, truth } = await recordedDay();
		const proposed = await detectFollowAlongStops(day.id, SETTINGS);
		expect(proposed).toHaveLength(2);
		proposed.forEach((p, k) => {
			expect(p.status).toBe('proposed');
			expect(Math.abs(p.arrivedAt - truth[k]!.arrivedAt)).toBeLessThan(60_000);
			expect(Math.abs(p.departedAt! - truth[k]!.departedAt)).toBeLessThan(60_000);
		});
		await confirmStop(proposed[0]!.id);
		const again = await detectFollowAlongStops(day.id, SETTINGS);
		// The confirmed stop stays; only the other is proposed anew, and no stale proposal is left.
		expect(again).toHaveLength(1);
		const stops = await stopsOf(day.id);
		expect(stops.map((s) => s.status)).toEqual(['confirmed', 'proposed']);
		expect(await listTrash()).toEqual([]);
	});

	it('a longer minimum stay finds fewer stops', async () => {
		const { day } = await recordedDay();
		expect(
			await detectFollowAlongStops(day.id, { stopRadiusMetres: 50, stopMinMinutes: 18 })
		).toHaveLength(1);
	});

	it('merges two stops into one and splits one into two', async () => {
		const { day, truth } = await recordedDay();
		const [a, b] = await detectFollowAlongStops(day.id, SETTINGS);
		const merged = await mergeTwoStops(b!.id, a!.id);
		expect(merged.id).toBe(a!.id);
		expect(merged.arrivedAt).toBe(a!.arrivedAt);
		expect(merged.departedAt).toBe(b!.departedAt);
		expect(await stopsOf(day.id)).toHaveLength(1);

		const at = truth[0]!.departedAt;
		// The merged centre lies between A and B (about 150 m apart): each half's fixes are
		// within 150 m of it.
		const [first, second] = await splitOneStop(merged.id, at, 150);
		expect(first.departedAt).toBe(at);
		expect(second.arrivedAt).toBe(at);
		expect(second.id).not.toBe(first.id);
		const stops = await stopsOf(day.id);
		expect(stops.map((s) => s.id)).toEqual([first.id, second.id]);
		// Each half's centre comes from its own fixes: the first near A, the second near B.
		expect(Math.abs(stops[0]!.lat - A.lat)).toBeLessThan(0.0005);
		expect(Math.abs(stops[1]!.lat - B.lat)).toBeLessThan(0.0005);
	});

	it('marks a stop during the day, closes it, edits its fields, deletes and restores it', async () => {
		const day = await startFollowAlong({ participantId: null }, T0);
		const stop = await markStop(day.id, T0 + 60_000, A);
		expect(stop.departedAt).toBeNull();
		await closeStop(stop.id, T0 + 600_000);
		await updateStop(stop.id, {
			ownName: 'Trappen',
			category: 'hangout',
			institution: false,
			activities: ['hang-out', 'wait'],
			present: 'two friends',
			feeling: 'tense',
			encounter: 'police',
			typical: 'usual'
		});
		const saved = await stopsRepo.require(stop.id);
		expect(saved).toMatchObject({
			departedAt: T0 + 600_000,
			ownName: 'Trappen',
			activities: ['hang-out', 'wait'],
			encounter: 'police',
			source: 'marked'
		});
		await deleteStop(stop.id);
		expect(await stopsOf(day.id)).toEqual([]);
		await restoreStop(stop.id);
		expect(await stopsOf(day.id)).toHaveLength(1);
		const placed = await addStop(day.id, { arrivedAt: T0, departedAt: T0 + 300_000, ...B });
		expect(placed.source).toBe('sketched');
	});

	it('Undo puts merged and split stops back as they were', async () => {
		const { day } = await recordedDay();
		await detectFollowAlongStops(day.id, SETTINGS);
		const before = await stopsOf(day.id);
		const spans = (list: typeof before) => list.map((s) => [s.arrivedAt, s.departedAt, s.status]);

		await mergeTwoStops(before[0]!.id, before[1]!.id);
		expect(await stopsOf(day.id)).toHaveLength(1);
		await undoStopChange(before);
		expect(spans(await stopsOf(day.id))).toEqual(spans(before));

		const [, second] = await splitOneStop(before[0]!.id, before[0]!.arrivedAt + 5 * 60_000, 100);
		expect(await stopsOf(day.id)).toHaveLength(3);
		await undoStopChange([before[0]!], [second.id]);
		expect(spans(await stopsOf(day.id))).toEqual(spans(before));
	});
});
