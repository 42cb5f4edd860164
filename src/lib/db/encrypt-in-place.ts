import { isSealed } from '$lib/crypto/seal';
import { RECORD_TABLES, type RecordTable, type Row } from './db';
import { guardQuota } from './errors';
import { needsRewrite, readLayoutState, stateEntries, type LayoutState } from './keystore';
import { REPOSITORIES } from './registry';
import { isOldLayout, rowVersion } from './repository';
import { OUTBOX, type OutboxEntry } from './sync-outbox';
import { recordKey } from '$lib/domain/sync/change';
import { db } from './workspace';

export interface EncryptProgress {
	done: number;
	total: number;
}

export interface EncryptOptions {
	/** Rows sealed and written per transaction. */
	batchSize?: number;
	/** After every batch that was written; throwing from it stops the run (tests use that). */
	onProgress?: (progress: EncryptProgress) => void | Promise<void>;
}

/** Whether a row is as this version writes it under a key: sealed, metadata inside. */
const isCurrent = (row: Row) => !isOldLayout(row) && isSealed(row.payload);

/**
 * Rewrites every record row through its repository, in place: a workspace written before
 * encryption at rest gets its payloads sealed, and one written before version 11 gets its
 * metadata sealed into the payload and its links keyed (issue 16) — one pass does both. Table by
 * table in id order, a batch at a time: each batch is opened and sealed first (WebCrypto cannot
 * run inside an IndexedDB transaction), then written in one transaction together with the cursor,
 * which is part of the vault's authenticated state, so a crash loses nothing and the next unlock
 * resumes after the last batch written. A row already current, or changed since it was read (the
 * app wrote it anew), is left as it is. Needs the workspace unlocked (the codec accepting
 * plaintext while encrypting), the index key and the vault's state key held.
 */
export async function encryptInPlace(options: EncryptOptions = {}): Promise<void> {
	const batchSize = options.batchSize ?? 500;
	if (!(await needsRewrite())) return;
	const layout = await readLayoutState();
	const cursor = layout.done ? null : layout.cursor;
	const d = db();
	const start = cursor ? RECORD_TABLES.indexOf(cursor.table) : 0;
	let total = 0;
	let done = 0;
	for (const [i, table] of RECORD_TABLES.entries()) {
		const rows = d.recordTable(table);
		const count = await rows.count();
		total += count;
		if (i < start) done += count;
		else if (i === start && cursor)
			done += await rows.where('id').belowOrEqual(cursor.afterId).count();
	}
	await options.onProgress?.({ done, total });

	for (const table of RECORD_TABLES.slice(start)) {
		let after = cursor?.table === table ? cursor.afterId : null;
		for (;;) {
			const rows = d.recordTable(table);
			const batch = await (after === null ? rows.orderBy('id') : rows.where('id').above(after))
				.limit(batchSize)
				.toArray();
			if (batch.length === 0) break;
			after = batch[batch.length - 1]!.id;
			await writeBatch(table, batch, after);
			done += batch.length;
			await options.onProgress?.({ done, total });
		}
	}
	const finished = await stateEntries({ encryption: { state: 'sealed' }, layout: { done: true } });
	await guardQuota(() => d.meta.bulkPut(finished));
}

async function writeBatch(table: RecordTable, batch: Row[], lastId: string): Promise<void> {
	const repo = REPOSITORIES[table];
	const rewritten = await Promise.all(
		batch.map(async (row) => (isCurrent(row) ? null : repo.toRow(await repo.fromRow(row))))
	);
	const d = db();
	const rows = d.recordTable(table);
	const layout: LayoutState = { done: false, cursor: { table, afterId: lastId } };
	// The cursor is part of the vault's authenticated state: its new tag is made before the
	// transaction and written with it.
	const state = await stateEntries({ layout });
	const outbox = d.table(OUTBOX);
	await guardQuota(() =>
		d.transaction('rw', [rows, d.meta, outbox], async () => {
			const current = await rows.bulkGet(batch.map((r) => r.id));
			const puts: Row[] = [];
			current.forEach((row, i) => {
				const next = rewritten[i];
				if (!row || !next || rowVersion(row) !== rowVersion(batch[i]!)) return;
				puts.push(next);
			});
			// The same records in a new form are no change for the team: the sync outbox is left
			// as it was (the outbox middleware marks every write).
			const keys = puts.map((r) => recordKey(table, r.id));
			const before = (await outbox.bulkGet(keys)) as (OutboxEntry | undefined)[];
			await rows.bulkPut(puts);
			await outbox.bulkDelete(keys.filter((_, i) => !before[i]));
			await outbox.bulkPut(before.filter((e) => e !== undefined));
			await d.meta.bulkPut(state);
		})
	);
}
