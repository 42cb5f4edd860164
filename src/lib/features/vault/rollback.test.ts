import { describe, expect, it } from 'vitest';
import { ChangedOutsideError } from '$lib/crypto/errors';
import { change, commit, writeTransaction } from '$lib/db/commit';
import { RECORD_TABLES, ROW_TAG, SCHEMA_VERSIONS, StedsansDB, type Row } from '$lib/db/db';
import { ZERO_TAG } from '$lib/crypto/sync-mac';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { dropWorkspace } from '$lib/testing/workspace';
import { closeWorkspace, db } from '$lib/db/workspace';
import { participant } from '$lib/testing/follow-alongs';
import { withdrawParticipant } from '$lib/features/notes/participants.service';
import { isVaultLocked, lockVault, unlock } from './vault.service';
import { allRows, encrypted, note, PASS, useVaultWorkspace } from '$lib/testing/vault';

const ws = useVaultWorkspace();
const asAttacker = ws.asAttacker;
const reopen = ws.reopen;

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
		await dropWorkspace(ws.name);
		const v11 = new StedsansDB(
			ws.name,
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
