import { describe, expect, it } from 'vitest';
import { utf8 } from '$lib/crypto/bytes';
import { LockedError } from '$lib/crypto/errors';
import { isSealed } from '$lib/crypto/seal';
import { containsBytes } from '$lib/testing/crypto';
import { trackOf } from '$lib/db/follow-alongs.queries';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { clearTimes } from '$lib/testing/clear-times';
import { readCursor, readLastSync } from '$lib/db/sync-store';
import { closeWorkspace, db, openWorkspace } from '$lib/db/workspace';
import { startFollowAlong } from '$lib/features/follow-alongs/follow-alongs.service';
import { participant, T0, walk } from '$lib/testing/follow-alongs';
import { TrackWriter } from '$lib/features/follow-alongs/track-writer.service';
import { importLog, remember } from '$lib/features/exchange/import-log.service';
import {
	attachVault,
	commitKeys,
	encryptExisting,
	lockVault,
	needsEncrypting,
	prepareKeys,
	unlock
} from './vault.service';
import { allRows, encrypted, note, PASS, useVaultWorkspace } from '$lib/testing/vault';

const ws = useVaultWorkspace();
const reopen = ws.reopen;

describe('the team import log', () => {
	it("is sealed: a colleague's name is not readable in storage, and reads back unlocked", async () => {
		await encrypted();
		const counts = {
			added: 1,
			updated: 0,
			deleted: 0,
			restored: 0,
			keptLocal: 0,
			same: 0,
			conflicts: 0
		};
		const madeBy = { displayName: 'Karen Kollegasen', deviceId: 'd' };
		await remember({ at: T0, madeBy, madeAt: T0, counts, resolutions: [] });
		const stored = (await db().meta.get('teamImports'))!.value;
		expect(stored).toBeInstanceOf(Uint8Array);
		expect(containsBytes(stored as Uint8Array, utf8('Kollegasen'))).toBe(false);
		expect((await importLog())[0]!.madeBy).toEqual(madeBy);
		lockVault();
		await expect(importLog()).rejects.toBeInstanceOf(LockedError);
	});
});

describe('what a workspace from before kept in the clear in meta', () => {
	it("is sealed at the next unlock: team sync's cursor and last time, the import log", async () => {
		await encrypted();
		const at = T0 + 12_345;
		const entry = { at, madeBy: { displayName: 'Karen K.', deviceId: 'd' }, madeAt: at };
		await db().meta.bulkPut([
			{ key: 'sync.cursor', value: 42 },
			{ key: 'sync.lastSync', value: at },
			{ key: 'teamImports', value: [{ ...entry, counts: {}, resolutions: [] }] }
		]);
		lockVault();
		await reopen();
		expect(await clearTimes()).not.toEqual([]);
		await unlock(PASS);
		expect(await readCursor()).toBe(42);
		expect(await readLastSync()).toBe(at);
		expect((await importLog())[0]).toMatchObject(entry);
		lockVault();
		const meta = await db().meta.bulkGet(['sync.cursor', 'sync.lastSync', 'teamImports']);
		for (const e of meta) expect(e?.value).toBeInstanceOf(Uint8Array);
		expect(await clearTimes()).toEqual([]);
	});
});

describe('encrypting a workspace from before encryption', () => {
	it('seals everything in batches, survives a crash half-way, and loses nothing', async () => {
		// The previous format: plaintext payloads, written with the identity codec.
		const vb = await participant('VB-321');
		const notes = [];
		for (let i = 0; i < 230; i++) notes.push(await note(`gammel note ${i}`, T0 + i * 1000));
		const day = await startFollowAlong({ participantId: vb.id }, T0);
		const writer = await TrackWriter.open(day.id);
		for (const f of walk(0, 50)) writer.add(f);
		await writer.flush();
		const before = await allRows();
		expect(before.every(({ row }) => !isSealed(row.payload))).toBe(true);

		expect(await attachVault()).toBe('unencrypted');
		await commitKeys(await prepareKeys(PASS));
		const seen: { done: number; total: number }[] = [];
		let batches = 0;
		const crash = new Error('the tab was closed');
		await expect(
			encryptExisting({
				batchSize: 40,
				onProgress: (p) => {
					seen.push(p);
					if (++batches === 4) throw crash;
				}
			})
		).rejects.toBe(crash);
		const half = await allRows();
		const sealedHalf = half.filter(({ row }) => isSealed(row.payload)).length;
		expect(sealedHalf).toBeGreaterThan(0);
		expect(sealedHalf).toBeLessThan(half.length);
		// Meanwhile the records read back, sealed or not.
		expect((await notesRepo.list()).length).toBe(230);

		// The next start: locked, unlock, and the job is finished from where it stopped.
		closeWorkspace();
		await openWorkspace('main', ws.name);
		expect(await attachVault()).toBe('locked');
		await unlock(PASS);
		expect(await needsEncrypting()).toBe(true);
		const resumed: { done: number; total: number }[] = [];
		await encryptExisting({ batchSize: 40, onProgress: (p) => void resumed.push(p) });
		expect(resumed[0]!.done).toBe(seen.at(-1)!.done);
		expect(resumed.at(-1)).toEqual({ done: before.length, total: before.length });
		expect(await needsEncrypting()).toBe(false);

		const after = await allRows();
		expect(after).toHaveLength(before.length);
		expect(after.every(({ row }) => isSealed(row.payload))).toBe(true);
		// Sealed exactly once: every record opens to what it held (a double seal would not).
		const texts = (await notesRepo.list()).map((n) => n.text).sort();
		expect(texts).toEqual(notes.map((n) => n.text).sort());
		expect((await participantsRepo.require(vb.id)).code).toBe('VB-321');
		expect((await trackOf(day.id)).track.count).toBe(50);
		for (const { row } of after)
			expect(containsBytes(row.payload as Uint8Array, utf8('gammel note'))).toBe(false);
		// From now on an unsealed payload is refused.
		await db().notes.put({ ...before.find((r) => r.table === 'notes')!.row });
		await expect(notesRepo.list()).rejects.toThrow(/changed outside Stedsans/);
	});
});
