/**
 * The one interface the relay's store uses, so the same SQL runs on PGlite (embedded, in the data
 * folder) and on PostgreSQL (`DATABASE_URL`). Both return int8 as a JS number (sequence numbers
 * and byte counts stay far below 2^53) and bytea as a Uint8Array (a Buffer for pg).
 */
export interface Queryable {
	query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Db extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	/** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	/** Runs a script of several statements (migrations). */
	exec(sql: string): Promise<void>;
	close(): Promise<void>;
}

export interface DbOptions {
	/** PostgreSQL connection string; without it, PGlite in `dataDir`. */
	databaseUrl?: string;
	dataDir?: string;
}

export async function openDb(options: DbOptions): Promise<Db> {
	if (options.databaseUrl) {
		const { openPostgres } = await import('./postgres.ts');
		return openPostgres(options.databaseUrl);
	}
	if (!options.dataDir) throw new Error('Either DATABASE_URL or a data folder (--data) is needed');
	const { openPglite } = await import('./pglite.ts');
	return openPglite(options.dataDir);
}
