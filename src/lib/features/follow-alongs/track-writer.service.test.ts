import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '$lib/domain/tracks/chunks';
import { gapBefore } from '$lib/domain/tracks/track';
import { stopsOf, trackOf } from '$lib/db/follow-alongs.queries';
import { followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { db } from '$lib/db/workspace';
import { useFreshWorkspace } from '$lib/testing/workspace';
import {
	AlreadyFollowingError,
	deleteFollowAlong,
	NoRecordingConsentError,
	startFollowAlong,
	assertMayRecord,
	WithdrawnParticipantError
} from './follow-alongs.service';
import { markStop } from './stops.service';
import { TrackWriter } from './track-writer.service';
import { participant, T0, walk } from '$lib/testing/follow-alongs';
import { listTrash, restoreItem } from '$lib/features/settings/trash.service';

useFreshWorkspace();

describe('starting a follow-along', () => {
	it('records only one day at a time, and only with consent to a recorded route', async () => {
		const yes = await participant('VB-001');
		const no = await participant('VB-002', { followAlong: false });
		const gone = await participant('VB-003', {}, T0);
		const day = await startFollowAlong({ participantId: yes.id }, T0);
		expect(day.routeSource).toBe('gps');
		expect(day.status).toBe('recording');
		await expect(startFollowAlong({ participantId: no.id }, T0)).rejects.toBeInstanceOf(
			AlreadyFollowingError
		);
		await followAlongsRepo.update(day.id, { status: 'ended', endedAt: T0 + 1 });
		// Without consent the day is followed by hand: stops and a sketched route, no GPS.
		const manual = await startFollowAlong({ participantId: no.id }, T0 + 2);
		expect(manual.routeSource).toBe('sketch');
		await expect(assertMayRecord(no.id)).rejects.toBeInstanceOf(NoRecordingConsentError);
		await followAlongsRepo.update(manual.id, { status: 'ended', endedAt: T0 + 3 });
		await expect(startFollowAlong({ participantId: gone.id }, T0)).rejects.toBeInstanceOf(
			WithdrawnParticipantError
		);
	});
});

describe('TrackWriter', () => {
	it('writes fixes, gaps and counters together, topping up the open chunk', async () => {
		const day = await startFollowAlong({ participantId: null }, T0);
		const writer = await TrackWriter.open(day.id);
		for (const f of walk(0, 10)) writer.add(f);
		await writer.flush();
		for (const f of walk(10, 5)) writer.add(f);
		const [resumed, ...rest] = walk(100, 5);
		writer.add(
			{ ...resumed!, gapBefore: true },
			{ from: T0 + 14_000, to: resumed!.t, reason: 'hidden' }
		);
		for (const f of rest) writer.add(f);
		writer.patch({ dropped: { accuracy: 2 } });
		await writer.flush();

		const { track, chunks } = await trackOf(day.id);
		expect(track.count).toBe(20);
		expect(chunks).toHaveLength(1);
		expect(await db().fixChunks.count()).toBe(1);
		expect(gapBefore(track, 15)).toBe(true);
		const stored = await followAlongsRepo.require(day.id);
		expect(stored.fixCount).toBe(20);
		expect(stored.gaps).toEqual([{ from: T0 + 14_000, to: T0 + 100_000, reason: 'hidden' }]);
		expect(stored.dropped).toEqual({ accuracy: 2 });
	});

	it('carries on after a reload from the last stored chunk, across chunk boundaries', async () => {
		const day = await startFollowAlong({ participantId: null }, T0);
		const first = await TrackWriter.open(day.id);
		for (const f of walk(0, CHUNK_SIZE - 3)) first.add(f);
		await first.flush();
		// The page is gone; a new writer picks the day up from the database.
		const second = await TrackWriter.open(day.id);
		for (const f of walk(CHUNK_SIZE - 3, 10)) second.add(f);
		await second.flush();
		const { track, chunks } = await trackOf(day.id);
		expect(track.count).toBe(CHUNK_SIZE + 7);
		expect(chunks.map((c) => [c.seq, c.count])).toEqual([
			[0, CHUNK_SIZE],
			[1, 7]
		]);
		expect((await followAlongsRepo.require(day.id)).fixCount).toBe(CHUNK_SIZE + 7);
	});

	it('keeps the fixes of a failed write for the next one; nothing is half-written', async () => {
		const day = await startFollowAlong({ participantId: null }, T0);
		const writer = await TrackWriter.open(day.id);
		for (const f of walk(0, 5)) writer.add(f);
		const fail = () => {
			throw new Error('disk trouble');
		};
		db().followAlongs.hook('updating', fail);
		await expect(writer.flush()).rejects.toThrow('disk trouble');
		expect(await db().fixChunks.count()).toBe(0);
		expect(writer.pending).toBe(5);
		db().followAlongs.hook('updating').unsubscribe(fail);
		for (const f of walk(5, 5)) writer.add(f);
		await writer.flush();
		expect((await trackOf(day.id)).track.count).toBe(10);
		expect((await followAlongsRepo.require(day.id)).fixCount).toBe(10);
	});
});

describe('deleting a follow-along', () => {
	it('moves the day, its fixes and its stops to the trash together, and brings them back', async () => {
		const day = await startFollowAlong({ participantId: null }, T0);
		const writer = await TrackWriter.open(day.id);
		for (const f of walk(0, 30)) writer.add(f);
		await writer.flush();
		await markStop(day.id, T0 + 5_000, { lat: 55.67, lon: 12.56 });
		await deleteFollowAlong(day.id);
		expect((await trackOf(day.id)).track.count).toBe(0);
		expect(await stopsOf(day.id)).toEqual([]);
		// One item in the trash: the day, with its stops and fixes inside it.
		const trash = await listTrash();
		expect(trash.map((t) => t.table)).toEqual(['followAlongs']);
		await restoreItem({ table: 'followAlongs', id: day.id });
		expect((await trackOf(day.id)).track.count).toBe(30);
		expect(await stopsOf(day.id)).toHaveLength(1);
	});
});
