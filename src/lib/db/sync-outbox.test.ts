import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textToDoc } from '$lib/domain/notes/doc';
import { freshWorkspace, dropWorkspace } from '$lib/testing/workspace';
import Dexie from 'dexie';
import { writeTransaction } from './commit';
import { SCHEMA_VERSIONS, StedsansDB } from './db';
import { notesRepo } from './notes.repo';
import { settingsRepo } from './settings.repo';
import { clearPushed, holdTeamMembership, outboxEntries } from './sync-outbox';
import { db } from './workspace';

let name: string;
beforeEach(async () => {
	name = await freshWorkspace();
	// As in a team (the membership is stored by team.service, tested in features/sync).
	holdTeamMembership(true);
});
afterEach(async () => {
	await dropWorkspace(name);
});

const note = (text: string) => ({ observedAt: 1_767_225_600_000, doc: textToDoc(text), text });

describe('the sync outbox', () => {
	it('comes with schema version 7: a version 6 database opens with its records and empty sync tables', async () => {
		const dbName = `upgrade-${Math.random().toString(36).slice(2)}`;
		const v6 = new StedsansDB(dbName, SCHEMA_VERSIONS.slice(0, 6));
		const row = { id: '01J0000000000000000000000A', createdAt: 1, updatedAt: 1, deletedAt: null };
		await v6.notes.put({ ...row, authorId: 'a', deviceId: 'd', rev: {}, v: 1, payload: {} });
		v6.close();
		const v7 = new StedsansDB(dbName, SCHEMA_VERSIONS.slice(0, 7));
		await v7.open();
		expect(v7.verno).toBe(7);
		expect(await v7.notes.count()).toBe(1);
		for (const t of ['syncOutbox', 'syncConflicts', 'syncPurged'])
			expect(await v7.table(t).count()).toBe(0);
		v7.close();
		await Dexie.delete(dbName);
	});

	it('marks every write of a synced table in the same transaction, ids only', async () => {
		const n = await notesRepo.create(note('Hemmelig tekst'));
		const entries = await outboxEntries();
		expect(entries.map((e) => e.key)).toContain(`notes:${n.id}`);
		expect(JSON.stringify(entries)).not.toContain('Hemmelig');
	});

	it('a transaction that fails marks nothing', async () => {
		const before = (await outboxEntries()).length;
		await expect(
			writeTransaction(['notes'], async () => {
				await db().notes.put((await notesRepo.toRow(notesRepo.prepare(note('x')))) as never);
				throw new Error('abort');
			})
		).rejects.toThrow('abort');
		expect(await outboxEntries()).toHaveLength(before);
	});

	it('does not mark the device’s own settings, and a purge is marked and remembered', async () => {
		const settingsBefore = (await outboxEntries()).filter((e) => e.table === 'settings');
		expect(settingsBefore).toHaveLength(0);
		const n = await notesRepo.create(note('y'));
		await clearPushed(await outboxEntries());
		await notesRepo.purge(n.id);
		expect((await outboxEntries()).map((e) => e.key)).toEqual([`notes:${n.id}`]);
		expect(await db().table('syncPurged').get(`notes:${n.id}`)).toBeTruthy();
		void settingsRepo;
	});

	it('out of a team marks nothing, and still remembers a purge', async () => {
		holdTeamMembership(false);
		const n = await notesRepo.create(note('alene'));
		await notesRepo.purge(n.id);
		expect(await outboxEntries()).toEqual([]);
		expect(await db().table('syncPurged').get(`notes:${n.id}`)).toBeTruthy();
	});

	it('a push does not clear an entry whose record changed again meanwhile', async () => {
		const n = await notesRepo.create(note('z'));
		const seen = await outboxEntries();
		await notesRepo.update(n.id, { text: 'z2', doc: textToDoc('z2') });
		await clearPushed(seen);
		expect((await outboxEntries()).map((e) => e.key)).toContain(`notes:${n.id}`);
	});
});
