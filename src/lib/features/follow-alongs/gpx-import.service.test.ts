import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPROXIMATE_OUTLINES } from '$lib/domain/neighbourhoods';
import { MAX_GPX_BYTES } from '$lib/domain/tracks/gpx';
import { readGpx } from '$lib/domain/tracks/gpx-scan';
import { toGpx } from '$lib/domain/tracks/gpx-export';
import { syntheticTrack } from '$lib/domain/tracks/synthetic';
import { gapBefore, sourceAt } from '$lib/domain/tracks/track';
import { stopsOf, trackOf } from '$lib/db/follow-alongs.queries';
import { followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { db } from '$lib/db/workspace';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { NoRecordingConsentError, startFollowAlong } from './follow-alongs.service';
import { importGpx, type GpxReader } from './gpx-import.service';
import { TrackWriter } from './track-writer.service';
import { participant, T0, walk } from '$lib/testing/follow-alongs';
import { pathToFileURL } from 'node:url';
import { sharedPath } from '../../../../tests/shared-dir';

const FIXTURES = pathToFileURL(sharedPath('fixtures/gpx') + '/');
const SETTINGS = { stopRadiusMetres: 50, stopMinMinutes: 5 };
const read: GpxReader = async (bytes, onProgress) => readGpx(bytes, { onProgress });

function file(text: string | Uint8Array) {
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}
const fixture = (name: string) => file(readFileSync(new URL(name, FIXTURES)));
const run = (f: Pick<Blob, 'size' | 'arrayBuffer'>, target = {}) =>
	importGpx(f, target, SETTINGS, APPROXIMATE_OUTLINES, read);

async function stored() {
	return {
		days: await db().followAlongs.count(),
		chunks: await db().fixChunks.count(),
		stops: await db().stops.count()
	};
}

useFreshWorkspace();

describe('importing a GPX file', () => {
	it('creates a day from each fixture with the exact point count and duration', async () => {
		for (const [fx, points, seconds] of [
			['mapbox-togeojson_run_washington-dc.gpx', 206, 15 * 60 + 48],
			['mapbox-togeojson_run_gpxtpx_san-francisco.gpx', 1118, 20 * 60 + 56]
		] as const) {
			const r = await run(fixture(fx));
			if (!r.ok) throw new Error(r.problem?.message ?? 'cancelled');
			expect(r.result.pointCount).toBe(points);
			expect(r.result.durationMs).toBe(seconds * 1000);
			const day = await followAlongsRepo.require(r.result.followAlongId);
			expect(day).toMatchObject({ routeSource: 'imported', status: 'ended', fixCount: points });
			expect(day.endedAt! - day.startedAt).toBe(seconds * 1000);
			const { track } = await trackOf(day.id);
			expect(track.count).toBe(points);
			expect(sourceAt(track, 0)).toBe('imported');
		}
	});

	it('proposes the stops of an imported day and places it in its neighbourhood', async () => {
		const synthetic = syntheticTrack({
			seed: 5,
			start: T0,
			stops: [
				{ lat: 55.6703, lon: 12.5598, dwellMs: 12 * 60_000 },
				{ lat: 55.6665, lon: 12.5457, dwellMs: 9 * 60_000 }
			]
		});
		const r = await run(file(toGpx(synthetic.track)));
		if (!r.ok) throw new Error(r.problem?.message ?? 'cancelled');
		expect(r.result.stopsProposed).toBe(2);
		expect((await followAlongsRepo.require(r.result.followAlongId)).neighbourhood).toBe(
			'vesterbro'
		);
		expect((await stopsOf(r.result.followAlongId)).map((s) => s.status)).toEqual([
			'proposed',
			'proposed'
		]);
	});

	it('fills the holes of a recorded day and keeps what was recorded', async () => {
		const day = await startFollowAlong({ participantId: null }, T0);
		const writer = await TrackWriter.open(day.id);
		for (const f of walk(0, 60)) writer.add(f);
		await writer.flush();
		// The logger ran 30 s before the app and two minutes after it.
		const logger = syntheticTrack({
			seed: 2,
			start: T0 - 30_000,
			stops: [
				{ lat: 55.6703, lon: 12.5598, dwellMs: 60_000 },
				{ lat: 55.6712, lon: 12.5598, dwellMs: 60_000 }
			]
		}).track;
		const r = await run(file(toGpx(logger)), { followAlongId: day.id });
		if (!r.ok) throw new Error(r.problem?.message ?? 'cancelled');
		const { track } = await trackOf(day.id);
		expect(r.result.added).toBe(track.count - 60);
		expect(r.result.added).toBeGreaterThan(60);
		const firstRecorded = track.t.indexOf(T0);
		expect(firstRecorded).toBe(30);
		expect(sourceAt(track, firstRecorded)).toBe('gps');
		expect(gapBefore(track, firstRecorded)).toBe(true);
		expect((await followAlongsRepo.require(day.id)).fixCount).toBe(track.count);
	});

	it('refuses a route for a participant who has not agreed to recording, writing nothing', async () => {
		const p = await participant('VB-009', { followAlong: false });
		const text = readFileSync(new URL('mapbox-togeojson_run_washington-dc.gpx', FIXTURES));
		await expect(run(file(text), { participantId: p.id })).rejects.toBeInstanceOf(
			NoRecordingConsentError
		);
		expect(await stored()).toEqual({ days: 0, chunks: 0, stops: 0 });
	});

	it('writes nothing for a bad file, and checks the size before reading', async () => {
		const bad = await run(file('<gpx version="1.1"><trk></gpx>'));
		expect(bad).toMatchObject({ ok: false, problem: { code: 'not-xml' } });
		let readIt = false;
		const huge = {
			size: MAX_GPX_BYTES + 1,
			arrayBuffer: async () => {
				readIt = true;
				return new ArrayBuffer(0);
			}
		};
		expect(await run(huge)).toMatchObject({ ok: false, problem: { code: 'too-large' } });
		expect(readIt).toBe(false);
		expect(await stored()).toEqual({ days: 0, chunks: 0, stops: 0 });
	});

	it('is all or nothing: a failure while writing the fixes leaves no day behind', async () => {
		const big = syntheticTrack({
			seed: 9,
			start: T0,
			stops: [
				{ lat: 55.6703, lon: 12.5598, dwellMs: 60 * 60_000 },
				{ lat: 55.6716, lon: 12.5622, dwellMs: 60 * 60_000 }
			]
		}).track;
		let n = 0;
		const failLater = () => {
			// The day is put first; the second chunk fails, as a full disk would.
			if (++n === 2) throw new Error('QuotaExceededError');
		};
		db().fixChunks.hook('creating', failLater);
		await expect(run(file(toGpx(big)))).rejects.toThrow();
		db().fixChunks.hook('creating').unsubscribe(failLater);
		expect(await stored()).toEqual({ days: 0, chunks: 0, stops: 0 });
	});

	it('reports an empty file as empty, not as unreadable XML', async () => {
		expect(await run(file(''))).toMatchObject({ ok: false, problem: { code: 'empty' } });
		expect(await run(file(' \n'))).toMatchObject({ ok: false, problem: { code: 'empty' } });
		expect(await stored()).toEqual({ days: 0, chunks: 0, stops: 0 });
	});

	it('offers waypoints as stops to confirm: one names the stop it lies in, others are stops of their own, the rest are counted as left out', async () => {
		const synthetic = syntheticTrack({
			seed: 5,
			start: T0,
			stops: [
				{ lat: 55.6703, lon: 12.5598, dwellMs: 12 * 60_000 },
				{ lat: 55.6665, lon: 12.5457, dwellMs: 9 * 60_000 }
			]
		});
		const [a] = synthetic.stops;
		const mid = Math.round(
			(synthetic.track.t[0]! + synthetic.track.t[synthetic.track.count - 1]!) / 2
		);
		const i = synthetic.track.t.findIndex((t) => t >= mid);
		const wpt = (lat: number, lon: number, name: string, t?: number) =>
			`<wpt lat="${lat}" lon="${lon}"><name>${name}</name>${t ? `<time>${new Date(t).toISOString()}</time>` : ''}</wpt>`;
		const waypoints = [
			wpt(55.6703, 12.5598, 'Trappen', a!.arrivedAt + 60_000),
			wpt(synthetic.track.lat[i]!, synthetic.track.lon[i]!, 'Kiosken'),
			wpt(46.05, 14.5, 'Ljubljana'),
			wpt(55.6703, 12.5598, 'Next year', T0 + 365 * 86_400_000)
		].join('');
		const text = toGpx(synthetic.track).replace('<trk>', `${waypoints}<trk>`);
		const r = await run(file(text));
		if (!r.ok) throw new Error(r.problem?.message ?? 'cancelled');
		expect(r.result.waypoints).toEqual({ offered: 2, leftOut: 2 });
		const stops = await stopsOf(r.result.followAlongId);
		expect(stops.map((s) => [s.ownName, s.source, s.status])).toEqual([
			['Trappen', 'detected', 'proposed'],
			['Kiosken', 'waypoint', 'proposed'],
			['', 'detected', 'proposed']
		]);
		expect(stops[1]!.arrivedAt).toBe(synthetic.track.t[i]);
	});

	it('asks before storing a track outside the field area: cancel writes nothing, trim keeps the part inside, and the neighbourhood is suggested from the track', async () => {
		// 10 min in Vesterbro, then a train to Slovenia (the logger kept going).
		const home = syntheticTrack({
			seed: 3,
			start: T0,
			stops: [
				{ lat: 55.6703, lon: 12.5598, dwellMs: 5 * 60_000 },
				{ lat: 55.6712, lon: 12.5598, dwellMs: 5 * 60_000 }
			]
		}).track;
		const away = syntheticTrack({
			seed: 4,
			start: T0 + 3 * 3_600_000,
			stops: [
				{ lat: 46.05, lon: 14.5, dwellMs: 30 * 60_000 },
				{ lat: 46.052, lon: 14.502, dwellMs: 30 * 60_000 }
			]
		}).track;
		const text = toGpx(home).replace(
			'</trk>',
			toGpx(away).split('<trk>')[1]!.replace('</gpx>', '')
		);
		const asked: number[] = [];
		const answer = (choice: 'trim' | 'cancel') => async (c: { inside: number; total: number }) => {
			asked.push(c.inside / c.total);
			return choice;
		};
		const cancelled = await importGpx(
			file(text),
			{},
			SETTINGS,
			APPROXIMATE_OUTLINES,
			read,
			undefined,
			answer('cancel')
		);
		expect(cancelled).toEqual({ ok: false, cancelled: true });
		expect(await stored()).toEqual({ days: 0, chunks: 0, stops: 0 });

		const r = await importGpx(
			file(text),
			{},
			SETTINGS,
			APPROXIMATE_OUTLINES,
			read,
			undefined,
			answer('trim')
		);
		if (!r.ok) throw new Error(r.problem?.message ?? 'cancelled');
		expect(asked).toHaveLength(2);
		expect(asked[0]).toBeLessThan(0.5);
		expect(r.result.pointCount).toBe(home.count);
		expect(r.result.trimmed).toBe(away.count);
		const day = await followAlongsRepo.require(r.result.followAlongId);
		expect(day.neighbourhood).toBe('vesterbro');
		expect((await trackOf(day.id)).track.count).toBe(home.count);

		// Kept whole, the day is said to lie outside the field area (its times still Copenhagen's).
		const kept = await run(file(text));
		expect(kept.ok && kept.result.outsideFieldArea).toBe(true);
	});
});
