import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { Db, Queryable } from './db.ts';

const INT8 = 20;

/**
 * PGlite keeps one PostgreSQL (compiled to WebAssembly) in this process, its files in the data
 * folder. It is a single connection: queries queue, and a transaction holds it alone, which is
 * the same serialisation the team row lock gives on PostgreSQL.
 */
export async function openPglite(dataDir: string): Promise<Db> {
	mkdirSync(dataDir, { recursive: true });
	const pg = await PGlite.create(dataDir, {
		parsers: { [INT8]: (v: string) => Number(v) },
		startParams: [
			// PGlite turns fsync off by default (-F): a relay holds the team's only copy of what a
			// lost phone had not exported, so a commit waits for the disk as on PostgreSQL.
			...PGlite.defaultStartParams.filter((p) => p !== '-F'),
			// 16 MB instead of 128: the relay reads its log once per device, mostly in order, so a
			// large cache buys little, and the process stays well under 300 MB.
			'-c',
			'shared_buffers=16MB'
		]
	});
	const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
		async query<Row>(sql: string, params?: unknown[]) {
			return (await q.query<Row>(sql, params)).rows;
		}
	});
	return {
		kind: 'pglite',
		...wrap(pg),
		transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
		exec: async (sql) => {
			await pg.exec(sql);
		},
		close: () => pg.close()
	};
}
