import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utf8 } from '$lib/crypto/bytes';
import {
	ChangedOutsideError,
	LockedError,
	WrongPassphraseError,
	WrongRecoveryKeyError
} from '$lib/crypto/errors';
import { isSealed } from '$lib/crypto/seal';
import { CHEAP_KDF, containsBytes } from '$lib/testing/crypto';
import { identityCodec, useCodec } from '$lib/db/codec';
import { change, commit, writeTransaction } from '$lib/db/commit';
import { RECORD_TABLES, ROW_TAG, SCHEMA_VERSIONS, StedsansDB, type Row } from '$lib/db/db';
import { ZERO_TAG } from '$lib/crypto/sync-mac';
import { trackOf } from '$lib/db/follow-alongs.queries';
import { followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { dropWorkspace, freshWorkspace } from '$lib/testing/workspace';
import { clearTimes } from '$lib/testing/clear-times';
import { readCursor, readLastSync } from '$lib/db/sync-store';
import { closeWorkspace, db, openWorkspace } from '$lib/db/workspace';
import { absorbDropBox, depositFixes } from './drop-box.service';
import { depositBytes, importDepositKey } from '$lib/crypto/drop-box';
import { pack } from '$lib/crypto/pack';
import { newId } from '$lib/domain/records/ids';
import { trackFromFixes } from '$lib/domain/tracks/track';
import { startFollowAlong } from '$lib/features/follow-alongs/follow-alongs.service';
import { participant, T0, walk } from '$lib/testing/follow-alongs';
import { TrackWriter } from '$lib/features/follow-alongs/track-writer.service';
import { withdrawParticipant } from '$lib/features/notes/participants.service';
import { importLog, remember } from '$lib/features/exchange/import-log.service';
import {
	attachVault,
	changePassphrase,
	commitKeys,
	encryptExisting,
	isVaultLocked,
	lockVault,
	needsEncrypting,
	prepareKeys,
	recover,
	setKdfOptionsForTests,
	setUnlockClockForTests,
	TooSoonError,
	unlock
} from './vault.service';

const PASS = 'tabby cruelty rotunda unlatch';
const NEW_PASS = 'gravel oyster mantra pinwheel';
const MARKER = 'KLOKKEFROST';
const lat = 55.6703123;

setKdfOptionsForTests(CHEAP_KDF);

let name = '';
beforeEach(async () => {
	name = await freshWorkspace();
});
afterEach(async () => {
	useCodec(identityCodec);
	await dropWorkspace(name);
});

/** A new, encrypted, unlocked workspace; returns its recovery key. */
async function encrypted(): Promise<string> {
	expect(await attachVault()).toBe('new');
	const pending = await prepareKeys(PASS);
	await commitKeys(pending);
	return pending.recoveryKey;
}

const note = (text: string, at = T0) =>
	notesRepo.create({
		observedAt: at,
		doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
		text,
		placeLabel: 'Trappen ved Mekka'
	});

async function allRows(): Promise<{ table: string; row: Row }[]> {
	const out: { table: string; row: Row }[] = [];
	for (const table of RECORD_TABLES)
		for (const row of await db().recordTable(table).toArray()) out.push({ table, row });
	return out;
}

/** Someone with storage access and no passphrase: IndexedDB written directly, not by the app. */
async function asAttacker(write: (d: StedsansDB) => Promise<unknown>): Promise<void> {
	const raw = new StedsansDB(name);
	await raw.open();
	try {
		await write(raw);
	} finally {
		raw.close();
	}
}

/** The next start of the app: the workspace opens locked. */
async function reopen(): Promise<void> {
	closeWorkspace();
	await openWorkspace('main', name);
	expect(await attachVault()).toBe('locked');
}

const f64 = (x: number) => new Uint8Array(Float64Array.of(x).buffer);

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
		await openWorkspace('main', name);
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
		await openWorkspace('main', name);
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
		await openWorkspace('main', name);
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

describe('rollback of sealed records (the guard)', () => {
	it("finds a withdrawn participant's older row put back, and uses nothing of it", async () => {
		await encrypted();
		const vb = await participant('VB-404');
		const older = (await db().participants.get(vb.id))!;
		await withdrawParticipant(vb.id);
		const withdrawn = (await db().participants.get(vb.id))!;
		// Writing, deleting and reopening through the app raises nothing.
		await note('en note');
		await notesRepo.remove((await notesRepo.list())[0]!.id);
		await reopen();
		await unlock(PASS);
		expect((await participantsRepo.require(vb.id)).withdrawnAt).not.toBeNull();
		lockVault();

		// The older row comes with the older tag it had: the row checks, the table's mark does not.
		await asAttacker((d) => d.participants.put(older));
		await reopen();
		const error = await unlock(PASS).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ChangedOutsideError);
		expect((error as ChangedOutsideError).message).toContain('record: participants');
		expect(isVaultLocked()).toBe(true);
		expect(await db().participants.get(vb.id)).toEqual(older);

		// With the current row's tag instead, the row itself is found.
		await asAttacker((d) => d.participants.put({ ...older, [ROW_TAG]: withdrawn[ROW_TAG] }));
		await reopen();
		const named = await unlock(PASS).catch((e: unknown) => e);
		expect((named as ChangedOutsideError).message).toContain(`participants/${vb.id}`);

		// Put back as it was, nothing is amiss; a row planted without a tag, or with one made up,
		// is found by its id.
		await asAttacker((d) => d.participants.put(withdrawn));
		await reopen();
		await unlock(PASS);
		lockVault();
		const plantings: Row[] = [
			{ ...withdrawn, id: 'planted' },
			{ ...older, [ROW_TAG]: ZERO_TAG }
		];
		for (const planted of plantings) {
			const { [ROW_TAG]: _, ...untagged } = planted;
			for (const row of [planted, untagged]) {
				await asAttacker((d) => d.participants.put(row as Row));
				await reopen();
				const found = await unlock(PASS).catch((e: unknown) => e);
				expect((found as ChangedOutsideError).message).toContain(`participants/${row.id}`);
				await asAttacker(async (d) => {
					if (row.id === 'planted') await d.participants.delete('planted');
					else await d.participants.put(withdrawn);
				});
			}
		}
		await reopen();
		await expect(unlock(PASS)).resolves.toBeUndefined();
	});

	it('moves the tags of a workspace from version 11 into its rows, and still finds a row put back', async () => {
		await encrypted();
		const vb = await participant('VB-808');
		await note('før');
		const older = (await db().participants.get(vb.id))!;
		await participantsRepo.update(vb.id, { neighbourhood: 'nordvest' });
		const tagged = await allRows();
		lockVault();
		// As version 11 stored it: each row's tag in `guard` under `table:id`, none in the row.
		const stores = new Map<string, Record<string, unknown>[]>();
		await asAttacker(async (d) => {
			for (const t of d.tables) stores.set(t.name, await t.toArray());
		});
		closeWorkspace();
		await dropWorkspace(name);
		const v11 = new StedsansDB(
			name,
			SCHEMA_VERSIONS.filter((v) => v.version <= 11)
		);
		await v11.open();
		for (const [store, rows] of stores) {
			if (!(RECORD_TABLES as readonly string[]).includes(store)) {
				await v11.table(store).bulkPut(rows);
				continue;
			}
			await v11.table(store).bulkPut(rows.map(({ [ROW_TAG]: _, ...row }) => row));
			const tags = rows.map((row) => ({ key: `${store}:${String(row.id)}`, x: row[ROW_TAG] }));
			await v11.table('guard').bulkPut(tags);
		}
		v11.close();

		await reopen();
		expect(await allRows()).toEqual(tagged);
		const keys = (await db().table('guard').toCollection().primaryKeys()) as string[];
		expect(keys.length).toBe(RECORD_TABLES.length);
		expect(keys.every((k) => k.startsWith('#'))).toBe(true);
		await unlock(PASS);
		lockVault();
		await asAttacker((d) => d.participants.put(older));
		await reopen();
		await expect(unlock(PASS)).rejects.toBeInstanceOf(ChangedOutsideError);
	});

	it('keeps the marks right however a write reads the old tags (empty, small, large table)', async () => {
		await encrypted();
		// Into an empty table (nothing read), then one by one into a growing one (by key).
		const people: Awaited<ReturnType<typeof participant>>[] = [];
		for (let i = 0; i < 12; i++) people.push(await participant(`VB-${700 + i}`));
		// All of them again in one bulkPut: the table's tags read whole.
		await commit([
			change(
				participantsRepo,
				people.map((p) => participantsRepo.touch(p))
			)
		]);
		// One of twelve changed, one removed for good: read by key.
		await participantsRepo.update(people[3]!.id, { neighbourhood: 'nordvest' });
		await participantsRepo.purge(people[4]!.id);
		// A range deleted (a Collection's delete): its keys are read before the rows go.
		await writeTransaction(['participants'], () =>
			db().participants.where('id').equals(people[6]!.id).delete()
		);
		await reopen();
		await expect(unlock(PASS)).resolves.toBeUndefined();
		const older = (await db().participants.get(people[5]!.id))!;
		await participantsRepo.update(people[5]!.id, { neighbourhood: 'sundholm' });
		lockVault();
		await asAttacker((d) => d.participants.put(older));
		await reopen();
		await expect(unlock(PASS)).rejects.toBeInstanceOf(ChangedOutsideError);
	});

	it('finds a record deleted outside the app (a tombstone taken away)', async () => {
		await encrypted();
		const vb = await participant('VB-505');
		await reopen();
		await asAttacker((d) => d.participants.delete(vb.id));
		await expect(unlock(PASS)).rejects.toBeInstanceOf(ChangedOutsideError);
	});
});
