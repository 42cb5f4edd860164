import pg from 'pg';
import type { Db, Queryable } from './db.ts';

const INT8 = 20;

/** PostgreSQL through node-postgres: a pool, so pulls run beside a push that holds a team's lock. */
export async function openPostgres(url: string): Promise<Db> {
	const pool = new pg.Pool({
		connectionString: url,
		max: 10,
		types: {
			getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
				oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as never
		}
	});
	// Fail at start, with the driver's reason, rather than at the first request.
	(await pool.connect()).release();
	const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
		async query<Row>(sql: string, params?: unknown[]) {
			return (await q.query(sql, params)).rows as Row[];
		}
	});
	return {
		kind: 'postgres',
		...wrap(pool),
		async transaction(fn) {
			const client = await pool.connect();
			try {
				await client.query('BEGIN');
				const out = await fn(wrap(client));
				await client.query('COMMIT');
				return out;
			} catch (e) {
				await client.query('ROLLBACK').catch(() => undefined);
				throw e;
			} finally {
				client.release();
			}
		},
		exec: async (sql) => {
			await pool.query(sql);
		},
		close: () => pool.end()
	};
}
