import { describe, expect, it } from 'vitest';
import { copenhagenDayKey } from '$lib/domain/format/datetime';
import { allowedLocation, inAggregates } from '$lib/domain/participants/participant';
import { NEIGHBOURHOOD_KEYS } from '$lib/domain/neighbourhoods';
import { GAP_BEFORE, SOURCE_CODE } from '$lib/domain/tracks/fix';
import { chunksOf, stopsOf, trackOf } from '$lib/db/follow-alongs.queries';
import { followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { seedDemo } from './demo.service';

useFreshWorkspace();

describe('the demo workspace’s follow-along days', () => {
	it('follow enough people on enough days for the heatmaps, as their consent allows', async () => {
		await seedDemo();
		const [days, participants, notes] = await Promise.all([
			followAlongsRepo.list(),
			participantsRepo.list(),
			notesRepo.list()
		]);
		const byId = new Map(participants.map((p) => [p.id, p]));
		const gpsDays = new Map<string, Set<string>>();
		for (const day of days) {
			const p = byId.get(day.participantId!)!;
			// A recorded route only for those who agreed to it.
			expect(day.routeSource).toBe(p.consent.followAlong ? 'gps' : 'sketch');
			if (day.routeSource !== 'gps') continue;
			const set = gpsDays.get(p.id) ?? new Set<string>();
			set.add(copenhagenDayKey(day.startedAt));
			gpsDays.set(p.id, set);
		}
		const counted = participants.filter(
			(p) => inAggregates(p) && (gpsDays.get(p.id)?.size ?? 0) >= 2
		);
		expect(counted.length).toBeGreaterThanOrEqual(60);
		for (const nb of NEIGHBOURHOOD_KEYS)
			expect(counted.filter((p) => p.neighbourhood === nb).length).toBeGreaterThanOrEqual(20);

		// Notes at their moments, inside their day, with no more location than consent allows.
		const dayById = new Map(days.map((d) => [d.id, d]));
		const dayNotes = notes.filter((n) => n.followAlongId);
		expect(dayNotes.length).toBeGreaterThanOrEqual(days.length);
		for (const n of dayNotes) {
			const day = dayById.get(n.followAlongId!)!;
			expect(n.observedAt).toBeGreaterThanOrEqual(day.startedAt);
			expect(n.observedAt).toBeLessThanOrEqual(day.endedAt!);
			const allowed = allowedLocation(n.participantIds.map((id) => byId.get(id)!));
			if (allowed !== 'cell') expect(n.location).toBeNull();
		}
	});

	it('each neighbourhood has recorded days with stops, a gap and chunks of typed arrays', async () => {
		await seedDemo();
		const days = await followAlongsRepo.list();
		for (const nb of NEIGHBOURHOOD_KEYS) {
			const day = days.find((d) => d.neighbourhood === nb && d.routeSource === 'gps')!;
			const { track } = await trackOf(day.id);
			expect(track.count).toBe(day.fixCount);
			expect(track.src.some((b) => (b & GAP_BEFORE) !== 0)).toBe(true);
			expect(day.gaps.length).toBeGreaterThanOrEqual(1);
			expect((await chunksOf(day.id)).length).toBeLessThanOrEqual(2);
			const stops = await stopsOf(day.id);
			expect(stops.length).toBeGreaterThanOrEqual(3);
			expect(stops.every((s) => s.departedAt! > s.arrivedAt)).toBe(true);
			const sketch = days.find((d) => d.neighbourhood === nb && d.routeSource === 'sketch');
			if (sketch) {
				const t = (await trackOf(sketch.id)).track;
				expect([...t.src].every((b) => (b & 0x7f) === SOURCE_CODE.reconstructed)).toBe(true);
			}
		}
		// Proposals are left to confirm on the newest recorded day of each neighbourhood.
		const proposed = (await Promise.all(days.map((d) => stopsOf(d.id))))
			.flat()
			.filter((s) => s.status === 'proposed');
		expect(proposed.length).toBeGreaterThanOrEqual(3);
	});
});
