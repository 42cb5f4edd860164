import { afterEach, describe, expect, it } from 'vitest';
import { isSealed } from '$lib/crypto/seal';
import { CHEAP_KDF } from '$lib/testing/crypto';
import { identityCodec, seal, useCodec } from '$lib/db/codec';
import { RECORD_TABLES, SCHEMA_VERSIONS, StedsansDB, type Row } from '$lib/db/db';
import { chunksOf, notesOf, stopsOf } from '$lib/db/follow-alongs.queries';
import { stateEntries } from '$lib/db/keystore';
import { notesRepo } from '$lib/db/notes.repo';
import { REPOSITORIES } from '$lib/db/registry';
import { outboxEntries } from '$lib/db/sync-outbox';
import { closeWorkspace, db, openWorkspace } from '$lib/db/workspace';
import { splitEntity } from '$lib/domain/records/record';
import { dropWorkspace, useFreshWorkspace } from '$lib/testing/workspace';
import { participant, storedDay, T0 } from '$lib/testing/follow-alongs';
import { localRecordsOf } from '$lib/features/notes/tombstones.service';
import { placeRevisions, savePlace } from '$lib/features/places/places.service';
import { listTrash } from '$lib/features/settings/trash.service';
import {
	attachVault,
	checkRecords,
	commitKeys,
	encryptExisting,
	lockVault,
	needsEncrypting,
	prepareKeys,
	setKdfOptionsForTests,
	unlock
} from './vault.service';

const PASS = 'tabby cruelty rotunda unlatch';
setKdfOptionsForTests(CHEAP_KDF);

// Registered before the workspace's own afterEach, so it runs after it (vitest runs them in reverse).
afterEach(() => useCodec(identityCodec));
const workspace = useFreshWorkspace();

/** The index values version 10 kept in the clear, by table (times, neighbourhood, plain links). */
const OLD_INDEX: Partial<Record<string, (c: Record<string, unknown>) => Record<string, unknown>>> =
	{
		notes: (c) => ({
			observedAt: c.observedAt,
			nb: c.neighbourhood,
			followAlongId: c.followAlongId
		}),
		followAlongs: (c) => ({
			startedAt: c.startedAt,
			nb: c.neighbourhood,
			participantId: c.participantId
		}),
		stops: (c) => ({ followAlongId: c.followAlongId, placeId: c.placeId ?? undefined }),
		fixChunks: (c) => ({ followAlongId: c.followAlongId, seq: c.seq }),
		participants: (c) => ({ nb: c.neighbourhood }),
		placeRevisions: (c) => ({ placeId: c.placeId })
	};

/** A row as version 10 wrote it: metadata and index values beside the sealed content. */
async function oldRow(table: string, row: Row): Promise<Row> {
	const repo = REPOSITORIES[table as keyof typeof REPOSITORIES];
	const { meta, content } = splitEntity(await repo.fromRow(row));
	const index = OLD_INDEX[table]?.(content as Record<string, unknown>) ?? {};
	const payload = await seal({ table, id: meta.id, v: row.v }, content);
	return { ...index, ...meta, v: row.v, payload };
}

/** Everything the screens ask of the data, by the queries they use. */
async function queries(ids: { day: string; participant: string; place: string }) {
	const byId = <T extends { id: string }>(xs: T[]) =>
		[...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
	return {
		notes: await notesOf(ids.day),
		stops: await stopsOf(ids.day),
		chunks: await chunksOf(ids.day),
		days: [...(await localRecordsOf(new Set([ids.participant])))].sort(),
		revisions: await placeRevisions([ids.place]),
		trash: (await listTrash()).map((i) => ({ table: i.table, id: i.id, at: i.deletedAt })),
		list: byId(await notesRepo.list()),
		outbox: byId(await outboxEntries())
	};
}

describe('a workspace from version 10', () => {
	it('is rewritten at its first unlock into the new layout, and every query answers as before', async () => {
		expect(await attachVault()).toBe('new');
		await commitKeys(await prepareKeys(PASS));
		const vb = await participant('VB-110');
		const place = await savePlace(null, { name: 'Bænken', aliases: [] });
		const { day } = await storedDay(vb.id, T0);
		const onDay = await notesRepo.create({
			observedAt: T0 + 120_000,
			doc: {
				type: 'doc',
				content: [{ type: 'paragraph', content: [{ type: 'text', text: 'på dagen' }] }]
			},
			text: 'på dagen',
			followAlongId: day.id,
			participantIds: [vb.id],
			placeIds: [place.id]
		});
		const gone = await notesRepo.create({
			observedAt: T0,
			doc: { type: 'doc', content: [] },
			text: 'væk'
		});
		await notesRepo.remove(gone.id);
		const ids = { day: day.id, participant: vb.id, place: place.id };
		const before = await queries(ids);
		expect(before.notes.map((n) => n.id)).toEqual([onDay.id]);
		expect(before.stops).toHaveLength(1);
		expect(before.trash.map((t) => t.id)).toEqual([gone.id]);

		// Stored as version 10 stored it: every row in the old layout, the vault without `layout`,
		// then copied into a database at schema version 10 (its indexes on times and links).
		const outboxBefore = await outboxEntries();
		for (const table of RECORD_TABLES) {
			const rows = await db().recordTable(table).toArray();
			await db()
				.recordTable(table)
				.bulkPut(await Promise.all(rows.map((r) => oldRow(table, r))));
		}
		await db().table('syncOutbox').clear();
		await db().table('syncOutbox').bulkPut(outboxBefore);
		await db().meta.bulkPut(await stateEntries({ layout: undefined }));
		const stores = new Map<string, unknown[]>();
		for (const t of db().tables) stores.set(t.name, await t.toArray());
		lockVault();
		closeWorkspace();
		await dropWorkspace(workspace.name);
		const v10 = new StedsansDB(
			workspace.name,
			SCHEMA_VERSIONS.filter((v) => v.version <= 10)
		);
		await v10.open();
		for (const [store, rows] of stores) await v10.table(store).bulkPut(rows);
		expect(v10.verno).toBe(10);
		expect(v10.notes.schema.idxByName['observedAt']).toBeDefined();
		v10.close();

		// The next start: schema 11, locked; the unlock finds rows to rewrite.
		await openWorkspace('main', workspace.name);
		expect(await attachVault()).toBe('locked');
		await unlock(PASS);
		expect(await needsEncrypting()).toBe(true);
		const seen: { done: number; total: number }[] = [];
		await encryptExisting({ batchSize: 3, onProgress: (p) => void seen.push(p) });
		expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
		expect(await needsEncrypting()).toBe(false);

		// Only the id, the version, the sealed payload and keyed links are left in the clear.
		for (const table of RECORD_TABLES)
			for (const row of await db().recordTable(table).toArray()) {
				expect(isSealed(row.payload)).toBe(true);
				for (const [k, v] of Object.entries(row)) {
					if (['id', 'v', 'payload', 'seq'].includes(k)) continue;
					expect(typeof v, `${table}.${k}`).toBe('string');
					expect([vb.id, day.id, place.id], `${table}.${k}`).not.toContain(v);
				}
			}
		expect(await queries(ids)).toEqual(before);
		// Every row's new tag was written with it: the rollback guard finds nothing amiss.
		await expect(checkRecords(RECORD_TABLES)).resolves.toBeUndefined();
	});
});
