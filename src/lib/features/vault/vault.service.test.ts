import { describe, expect, it } from 'vitest';
import { utf8 } from '$lib/crypto/bytes';
import {
	ChangedOutsideError,
	LockedError,
	WrongPassphraseError,
	WrongRecoveryKeyError
} from '$lib/crypto/errors';
import { isSealed } from '$lib/crypto/seal';
import { containsBytes } from '$lib/testing/crypto';
import { RECORD_TABLES, ROW_TAG } from '$lib/db/db';
import { trackOf } from '$lib/db/follow-alongs.queries';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { closeWorkspace, db, openWorkspace } from '$lib/db/workspace';
import { startFollowAlong } from '$lib/features/follow-alongs/follow-alongs.service';
import { participant, T0, walk } from '$lib/testing/follow-alongs';
import { TrackWriter } from '$lib/features/follow-alongs/track-writer.service';
import {
	attachVault,
	changePassphrase,
	isVaultLocked,
	lockVault,
	recover,
	setUnlockClockForTests,
	TooSoonError,
	unlock
} from './vault.service';

import {
	allRows,
	encrypted,
	f64,
	lat,
	MARKER,
	NEW_PASS,
	note,
	PASS,
	useVaultWorkspace
} from '$lib/testing/vault';

const ws = useVaultWorkspace();
const asAttacker = ws.asAttacker;
const reopen = ws.reopen;

describe('an encrypted workspace', () => {
	it('seals every record and fix chunk, and reads them back through the repositories', async () => {
		await encrypted();
		const vb = await participant('VB-777');
		const n = await note(`${MARKER} ved bænken`);
		const day = await startFollowAlong({ participantId: vb.id }, T0);
		const writer = await TrackWriter.open(day.id);
		for (const f of walk(0, 20)) writer.add({ ...f, lat });
		await writer.flush();

		const rows = await allRows();
		expect(rows.map((r) => r.table)).toEqual(
			expect.arrayContaining(['notes', 'participants', 'followAlongs', 'fixChunks'])
		);
		for (const { row } of rows) {
			expect(isSealed(row.payload)).toBe(true);
			const bytes = row.payload as Uint8Array;
			for (const needle of [utf8(MARKER), utf8('VB-777'), utf8('Mekka'), f64(lat)])
				expect(containsBytes(bytes, needle)).toBe(false);
		}
		expect((await notesRepo.require(n.id)).text).toBe(`${MARKER} ved bænken`);
		expect((await participantsRepo.require(vb.id)).code).toBe('VB-777');
		const { track } = await trackOf(day.id);
		expect(track.count).toBe(20);
		expect(track.lat[19]).toBe(lat);
	});

	it('refuses every read and write while locked, and opens again with the passphrase', async () => {
		await encrypted();
		const n = await note('før låsen');
		lockVault();
		await expect(notesRepo.get(n.id)).rejects.toBeInstanceOf(LockedError);
		await expect(notesRepo.list()).rejects.toBeInstanceOf(LockedError);
		await expect(note('mens låst')).rejects.toBeInstanceOf(LockedError);
		await expect(unlock('forkert kodeord her')).rejects.toBeInstanceOf(WrongPassphraseError);
		await expect(notesRepo.get(n.id)).rejects.toBeInstanceOf(LockedError);
		await unlock(PASS);
		expect((await notesRepo.list()).map((x) => x.text)).toEqual(['før låsen']);
	});

	it('after a restart the workspace is locked until the passphrase is given', async () => {
		await encrypted();
		await note('efter genstart');
		closeWorkspace();
		await openWorkspace('main', ws.name);
		expect(await attachVault()).toBe('locked');
		await expect(notesRepo.list()).rejects.toBeInstanceOf(LockedError);
		await unlock(PASS);
		expect((await notesRepo.list())[0]!.text).toBe('efter genstart');
	});

	it('slows down wrong passphrases after three, across restarts', async () => {
		const clock = { t: 0, now: () => clock.t };
		setUnlockClockForTests(clock);
		await encrypted();
		lockVault();
		for (let i = 0; i < 4; i++)
			await expect(unlock('wrong wrong wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
		// The fourth failure asks for a second's wait; even the right passphrase waits, and the
		// early try counts: the wait is now two seconds.
		const early = await unlock(PASS).catch((e: unknown) => e);
		expect(early).toBeInstanceOf(TooSoonError);
		expect((early as TooSoonError).waitMs).toBe(2_000);
		closeWorkspace();
		await openWorkspace('main', ws.name);
		await attachVault();
		await expect(unlock(PASS)).rejects.toBeInstanceOf(TooSoonError);
		clock.t += 4_000;
		await unlock(PASS);
	});

	it('changes the passphrase by rewrapping: records stay readable, the old one stops working', async () => {
		await encrypted();
		const n = await note('samme data');
		const before = (await db().notes.get(n.id))!.payload;
		await changePassphrase(PASS, NEW_PASS);
		expect((await db().notes.get(n.id))!.payload).toEqual(before);
		lockVault();
		await expect(unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
		await unlock(NEW_PASS);
		expect((await notesRepo.require(n.id)).text).toBe('samme data');
	});

	it('recovers with the recovery key and a new passphrase', async () => {
		const recoveryKey = await encrypted();
		const n = await note('glemt kodeord');
		lockVault();
		await expect(recover('0000-0000-0000-0000-0000-0000-0000', NEW_PASS)).rejects.toBeInstanceOf(
			WrongRecoveryKeyError
		);
		await recover(recoveryKey.toLowerCase(), NEW_PASS);
		expect((await notesRepo.require(n.id)).text).toBe('glemt kodeord');
		lockVault();
		await expect(unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
		await unlock(NEW_PASS);
	});
});

describe('the vault state, authenticated', () => {
	const setMetaRaw = (key: string, value: unknown) => asAttacker((d) => d.meta.put({ key, value }));

	it('refuses a state turned back to "migrating" with a planted plaintext row, acting on nothing', async () => {
		await encrypted();
		const vb = await participant('VB-101');
		const sealedRow = await db().participants.get(vb.id);
		await reopen();
		// The attack of issue 16: a plaintext row planted, the state set to accept plaintext.
		const planted = { ...sealedRow!, id: 'planted', payload: { code: 'XX-666' } };
		await asAttacker((d) => d.participants.put(planted));
		await setMetaRaw('encryption', { state: 'migrating', cursor: null });
		const error = await unlock(PASS).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ChangedOutsideError);
		expect((error as ChangedOutsideError).what).toBe('vault-state');
		expect(isVaultLocked()).toBe(true);
		// Nothing was acted on: the planted row is as it was put, the state as it was set.
		expect(await db().participants.get('planted')).toEqual(planted);
		expect((await db().meta.get('encryption'))?.value).toEqual({
			state: 'migrating',
			cursor: null
		});
		await expect(participantsRepo.list()).rejects.toBeInstanceOf(LockedError);
	});

	it('refuses a swapped drop box and a state whose tag was removed while migrating', async () => {
		await encrypted();
		await reopen();
		const box = (await db().meta.get('dropBox'))!.value as { publicKey: string };
		const flipped = box.publicKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
		await setMetaRaw('dropBox', { ...box, publicKey: flipped });
		await expect(unlock(PASS)).rejects.toBeInstanceOf(ChangedOutsideError);
		await setMetaRaw('dropBox', box);
		await unlock(PASS);
		lockVault();
		// Stripping the tag does not help: without it, only a fully sealed state is trusted.
		await asAttacker((d) => d.meta.delete('vaultMac'));
		await setMetaRaw('encryption', { state: 'migrating', cursor: null });
		await reopen();
		await expect(unlock(PASS)).rejects.toBeInstanceOf(ChangedOutsideError);
	});

	it('tags the state of a workspace from before the tag at its first unlock, and keeps it through changes', async () => {
		const recoveryKey = await encrypted();
		const vb = await participant('VB-606');
		// As a workspace of schema version 8 left it: no state tag, no row tags.
		await asAttacker(async (d) => {
			await d.meta.bulkDelete(['vaultMac', 'guarded']);
			await d.table('guard').clear();
			await d.participants.toCollection().modify((row) => void delete row[ROW_TAG]);
		});
		await reopen();
		await unlock(PASS);
		expect((await db().meta.get('vaultMac'))?.value).toEqual(expect.any(String));
		expect((await db().meta.get('guarded'))?.value).toEqual([...RECORD_TABLES]);
		expect((await db().participants.get(vb.id))?.[ROW_TAG]).toEqual(expect.any(String));
		expect(await db().table('guard').get('#participants')).toBeDefined();
		await changePassphrase(PASS, NEW_PASS);
		await reopen();
		await unlock(NEW_PASS);
		await reopen();
		await recover(recoveryKey, PASS);
		await reopen();
		await expect(unlock(PASS)).resolves.toBeUndefined();
	});
});
