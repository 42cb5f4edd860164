import { describe, expect, it } from 'vitest';
import { LockedError } from '$lib/crypto/errors';
import { containsBytes } from '$lib/testing/crypto';
import { trackOf } from '$lib/db/follow-alongs.queries';
import { followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { db } from '$lib/db/workspace';
import { absorbDropBox, depositFixes } from './drop-box.service';
import { depositBytes, importDepositKey } from '$lib/crypto/drop-box';
import { pack } from '$lib/crypto/pack';
import { newId } from '$lib/domain/records/ids';
import { trackFromFixes } from '$lib/domain/tracks/track';
import { startFollowAlong } from '$lib/features/follow-alongs/follow-alongs.service';
import { T0, walk } from '$lib/testing/follow-alongs';
import { TrackWriter } from '$lib/features/follow-alongs/track-writer.service';
import { lockVault, unlock } from './vault.service';
import { encrypted, f64, lat, PASS, useVaultWorkspace } from '$lib/testing/vault';

const ws = useVaultWorkspace();
const reopen = ws.reopen;

describe('recording behind the lock (the drop box)', () => {
	it('writes fixes while locked that only an unlock can read, in order, nothing lost', async () => {
		await encrypted();
		const day = await startFollowAlong({ participantId: null }, T0);
		const writer = await TrackWriter.open(day.id);
		for (const f of walk(0, 10)) writer.add(f);
		await writer.flush();

		lockVault();
		for (const f of walk(10, 15)) writer.add({ ...f, lat: lat + f.t / 1e13 });
		await writer.flush();
		for (const f of walk(25, 5)) writer.add(f);
		writer.patch({ dropped: { accuracy: 2 } });
		await writer.flush();
		expect(writer.pending).toBe(0);
		const deposits = await db().dropBox.toArray();
		expect(deposits).toHaveLength(2);
		for (const d of deposits)
			expect(containsBytes(d.payload, f64(lat + walk(10, 1)[0]!.t / 1e13))).toBe(false);
		// Nothing readable meanwhile, not even the day.
		await expect(trackOf(day.id)).rejects.toBeInstanceOf(LockedError);

		await unlock(PASS);
		expect((await absorbDropBox()).fixes).toBe(20);
		expect(await db().dropBox.count()).toBe(0);
		for (const f of walk(30, 5)) writer.add(f);
		await writer.flush();
		const { track } = await trackOf(day.id);
		expect(track.count).toBe(35);
		expect(Array.from(track.t)).toEqual(walk(0, 35).map((f) => f.t));
		const stored = await followAlongsRepo.require(day.id);
		expect(stored.fixCount).toBe(35);
		expect(stored.dropped).toEqual({ accuracy: 2 });
		// A second absorb finds nothing: every deposit is applied exactly once.
		expect((await absorbDropBox()).fixes).toBe(0);
	});

	it('refuses, unopened, deposits made with the public key alone or with a forged tag', async () => {
		await encrypted();
		const day = await startFollowAlong({ participantId: null }, T0);
		const writer = await TrackWriter.open(day.id);
		lockVault();
		for (const f of walk(0, 10)) writer.add(f);
		await writer.flush();
		const [ours] = await db().dropBox.toArray();
		// Someone with storage access: the public key is in the clear, the format is known.
		const stored = (await db().meta.get('dropBox'))!.value as { publicKey: string };
		const forge = async (tag?: Uint8Array) => {
			const id = newId();
			const content = {
				followAlongId: day.id,
				order: [T0, 1],
				track: trackFromFixes(walk(100, 7)),
				gaps: [],
				patch: {}
			};
			const ctx = { table: 'dropBox', id, v: 1 };
			const payload = await depositBytes(
				await importDepositKey(stored.publicKey),
				ctx,
				pack(content)
			);
			await db().dropBox.put(tag ? { id, payload, writer: ours!.writer, tag } : { id, payload });
		};
		await forge();
		await forge(ours!.tag);
		await forge(new Uint8Array(32));
		expect(await db().dropBox.count()).toBe(4);

		await unlock(PASS);
		expect(await absorbDropBox()).toEqual({ fixes: 10, refused: 3 });
		expect(await db().dropBox.count()).toBe(0);
		const { track } = await trackOf(day.id);
		expect(Array.from(track.t)).toEqual(walk(0, 10).map((f) => f.t));
	});

	it('takes deposits made before a reload, by the unlock before it', async () => {
		await encrypted();
		const day = await startFollowAlong({ participantId: null }, T0);
		const writer = await TrackWriter.open(day.id);
		lockVault();
		for (const f of walk(0, 12)) writer.add(f);
		await writer.flush();
		// The page is reloaded while locked: the writer key in memory is gone, its sealed copy stays.
		await reopen();
		await unlock(PASS);
		expect(await absorbDropBox()).toEqual({ fixes: 12, refused: 0 });
		expect((await trackOf(day.id)).track.count).toBe(12);
	});

	it('a locked page that was never unlocked writes no deposit, and keeps the fixes', async () => {
		await encrypted();
		const day = await startFollowAlong({ participantId: null }, T0);
		await reopen();
		const writer = await TrackWriter.open(day.id).catch(() => null);
		// The day cannot even be opened while locked; a deposit needs this unlock's writer key.
		expect(writer).toBeNull();
		await expect(
			depositFixes({ followAlongId: day.id, fixes: walk(0, 3), gaps: [], patch: {} })
		).rejects.toBeInstanceOf(LockedError);
		expect(await db().dropBox.count()).toBe(0);
	});

	it('the writer takes back its deposits itself on the first write after unlocking', async () => {
		await encrypted();
		const day = await startFollowAlong({ participantId: null }, T0);
		const writer = await TrackWriter.open(day.id);
		lockVault();
		for (const f of walk(0, 8)) writer.add(f);
		await writer.flush();
		await unlock(PASS);
		for (const f of walk(8, 4)) writer.add(f);
		await writer.flush();
		expect((await trackOf(day.id)).track.count).toBe(12);
		expect(await db().dropBox.count()).toBe(0);
	});
});
