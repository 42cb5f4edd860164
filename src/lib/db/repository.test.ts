import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { z } from 'zod';
import { StedsansDB, SCHEMA_VERSIONS } from './db';
import { RecordValidationError, StorageFullError, guardQuota } from './errors';
import { ethnographersRepo, getProfile, setDisplayName } from './ethnographers.repo';
import { getSettings, updateSettings } from './settings.repo';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { db, identity } from './workspace';
import { newId } from '$lib/domain/records/ids';

useFreshWorkspace();

describe('repository', () => {
	it('creates records stamped with author, device and times, content in the payload', async () => {
		const e = await ethnographersRepo.create({ displayName: 'AB' });
		expect(e.authorId).toBe(identity().authorId);
		expect(e.deviceId).toBe(identity().deviceId);
		expect(e.deletedAt).toBeNull();
		const row = await db().ethnographers.get(e.id);
		// Times, author, device and `rev` go inside the payload, beside the content (version 11).
		expect(row).toMatchObject({ id: e.id, v: 1, payload: { c: { displayName: 'AB' } } });
		expect(Object.keys(row!).sort()).toEqual(['id', 'payload', 'v']);
	});

	it('refuses an invalid write and stores nothing', async () => {
		await expect(ethnographersRepo.create({ displayName: 'x'.repeat(61) })).rejects.toThrow();
		const bad = { ...ethnographersRepo.prepare({ displayName: 'ok' }), displayName: 7 };
		await expect(ethnographersRepo.write(bad as never)).rejects.toBeInstanceOf(
			RecordValidationError
		);
		expect(await db().ethnographers.count()).toBe(0);
	});

	it('counts each change by this device in the version vector', async () => {
		const e = await ethnographersRepo.create({ displayName: 'A' });
		const me = identity().deviceId;
		expect(e.rev).toEqual({ [me]: 1 });
		await ethnographersRepo.update(e.id, { displayName: 'B' });
		await ethnographersRepo.remove(e.id);
		expect((await ethnographersRepo.get(e.id))?.rev).toEqual({ [me]: 3 });
		await ethnographersRepo.restore(e.id);
		expect((await ethnographersRepo.get(e.id))?.rev).toEqual({ [me]: 4 });
	});

	it('moves to the trash and restores', async () => {
		const e = await ethnographersRepo.create({ displayName: 'CD' });
		await ethnographersRepo.remove(e.id);
		expect(await ethnographersRepo.list()).toHaveLength(0);
		expect((await ethnographersRepo.trashed()).map((t) => t.id)).toEqual([e.id]);
		const back = await ethnographersRepo.restore(e.id);
		expect(back.deletedAt).toBeNull();
		expect(back.updatedAt).toBeGreaterThan(e.updatedAt);
		expect(await ethnographersRepo.list()).toHaveLength(1);
	});

	it('keeps this device profile and workspace settings', async () => {
		expect(await getProfile()).toBeUndefined();
		await setDisplayName('MK');
		await setDisplayName('Maja K.');
		expect((await getProfile())?.displayName).toBe('Maja K.');
		expect(await getSettings()).toMatchObject({ demo: false, noteCellResolution: 8 });
		await updateSettings({ demo: true });
		expect((await getSettings()).demo).toBe(true);
	});

	it('stamps every write later than the stored one, even when the clock has gone back', async () => {
		const e = await ethnographersRepo.create({ displayName: 'A' }, { now: 50_000 });
		const clock = vi.spyOn(Date, 'now').mockReturnValue(10_000);
		try {
			const changed = await ethnographersRepo.update(e.id, { displayName: 'B' });
			expect(changed.updatedAt).toBe(50_001);
			await ethnographersRepo.remove(e.id);
			const gone = await ethnographersRepo.require(e.id);
			expect(gone.updatedAt).toBe(50_002);
			// The trash says when it was deleted by this device's clock; the order of changes holds.
			expect(gone.deletedAt).toBe(10_000);
			expect((await ethnographersRepo.restore(e.id)).updatedAt).toBe(50_003);
		} finally {
			clock.mockRestore();
		}
	});

	it('counts one change per write, whatever the change holds', async () => {
		const e = await ethnographersRepo.create({ displayName: 'A' }, { now: 1_000 });
		const me = identity().deviceId;
		const touched = ethnographersRepo.touch(e, { displayName: 'B' }, 2_000);
		expect(touched).toMatchObject({ displayName: 'B', updatedAt: 2_000, rev: { [me]: 2 } });
		await ethnographersRepo.write(touched);
		expect((await ethnographersRepo.require(e.id)).rev).toEqual({ [me]: 2 });
		const trashed = ethnographersRepo.trash(touched, 3_000);
		expect(trashed).toMatchObject({ deletedAt: 3_000, updatedAt: 3_000, rev: { [me]: 3 } });
		// A change from another device keeps that device's count and adds one of ours.
		const theirs = { ...touched, rev: { other: 7, [me]: 2 } };
		expect(ethnographersRepo.touch(theirs).rev).toEqual({ other: 7, [me]: 3 });
	});

	it('turns a full disk into a StorageFullError', async () => {
		const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
		await expect(
			guardQuota(() => Promise.reject(new Dexie.AbortError('aborted', quota)))
		).rejects.toBeInstanceOf(StorageFullError);
	});
});

describe('schema versions', () => {
	it('a database written by version 1 opens under a version 2 with its data intact', async () => {
		const dbName = `upgrade-${newId()}`;
		const v1 = new StedsansDB(dbName, SCHEMA_VERSIONS.slice(0, 1));
		const id = newId();
		await v1.ethnographers.put({
			id,
			createdAt: 1,
			updatedAt: 1,
			deletedAt: null,
			authorId: 'a',
			deviceId: 'd',
			rev: {},
			v: 1,
			payload: { displayName: 'Old' }
		});
		v1.close();
		const v2 = new StedsansDB(dbName, [
			...SCHEMA_VERSIONS,
			{ version: SCHEMA_VERSIONS.at(-1)!.version + 1, stores: { extra: 'id, updatedAt' } }
		]);
		await v2.open();
		expect(v2.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version + 1);
		expect((await v2.ethnographers.get(id))?.payload).toEqual({ displayName: 'Old' });
		expect(v2.tables.map((t) => t.name)).toContain('extra');
		v2.close();
		await Dexie.delete(dbName);
	});

	it('every version only adds to the one before it', () => {
		for (let i = 1; i < SCHEMA_VERSIONS.length; i++) {
			expect(SCHEMA_VERSIONS[i]!.version).toBe(SCHEMA_VERSIONS[i - 1]!.version + 1);
		}
		expect(z.number().parse(SCHEMA_VERSIONS[0]!.version)).toBe(1);
	});
});
