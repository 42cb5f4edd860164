import { isSealed } from '$lib/crypto/seal';
import * as codec from './codec';
import { RECORD_TABLES, type RecordTable, type Row } from './db';
import { guardQuota } from './errors';
import { readEncryptionState, stateEntries, type EncryptionState } from './keystore';
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

/**
 * Encrypts a workspace written before encryption at rest, in place: table by table in id order,
 * a batch at a time. Each batch is sealed first (WebCrypto cannot run inside an IndexedDB
 * transaction), then written in one transaction together with the cursor, so a crash loses
 * nothing and the next start resumes after the last batch written. A row that is sealed already,
 * or changed since it was read, is left as it is: every payload is sealed exactly once.
 * The active codec must be the AES codec accepting plaintext meanwhile, and the vault's state key
 * held (keystore.holdStateKey).
 */
export async function encryptInPlace(options: EncryptOptions = {}): Promise<void> {
	const batchSize = options.batchSize ?? 500;
	const state = await readEncryptionState();
	if (state.state !== 'migrating') return;
	const d = db();
	const start = state.cursor ? RECORD_TABLES.indexOf(state.cursor.table) : 0;
	let total = 0;
	let done = 0;
	for (const [i, table] of RECORD_TABLES.entries()) {
		const rows = d.recordTable(table);
		const count = await rows.count();
		total += count;
		if (i < start) done += count;
		else if (i === start && state.cursor)
			done += await rows.where('id').belowOrEqual(state.cursor.afterId).count();
	}
	await options.onProgress?.({ done, total });

	for (const table of RECORD_TABLES.slice(start)) {
		let after = state.cursor?.table === table ? state.cursor.afterId : null;
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
	const sealed = await stateEntries({ encryption: { state: 'sealed' } });
	await guardQuota(() => d.meta.bulkPut(sealed));
}

async function writeBatch(table: RecordTable, batch: Row[], lastId: string): Promise<void> {
	const sealed = await Promise.all(
		batch.map((row) =>
			isSealed(row.payload)
				? null
				: codec.seal({ table, id: row.id, v: row.v }, row.payload as object)
		)
	);
	const d = db();
	const rows = d.recordTable(table);
	const cursor: EncryptionState = { state: 'migrating', cursor: { table, afterId: lastId } };
	// The cursor is part of the vault's authenticated state: its new tag is made before the
	// transaction and written with it.
	const state = await stateEntries({ encryption: cursor });
	await guardQuota(() =>
		d.transaction('rw', [rows, d.meta], async () => {
			const current = await rows.bulkGet(batch.map((r) => r.id));
			const puts: Row[] = [];
			current.forEach((row, i) => {
				const payload = sealed[i];
				if (!row || payload === null || isSealed(row.payload)) return;
				if (row.updatedAt !== batch[i]!.updatedAt) return;
				puts.push({ ...row, payload });
			});
			await rows.bulkPut(puts);
			await d.meta.bulkPut(state);
		})
	);
}
