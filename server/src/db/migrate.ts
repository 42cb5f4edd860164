import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

// server/migrations, from server/src/db (tsx, tests) or from the bundle in server/dist.
const folder = [
	new URL('../../migrations/', import.meta.url),
	new URL('../migrations/', import.meta.url)
]
	.map((u) => fileURLToPath(u))
	.find((f) => existsSync(`${f}001_init.sql`))!;
/** Any constant: PostgreSQL's advisory lock keeps two relays starting at once from both migrating. */
const LOCK = 0x73746564;

export function migrations(): { version: number; name: string; sql: string }[] {
	return readdirSync(folder)
		.filter((f) => /^\d+_.*\.sql$/.test(f))
		.sort()
		.map((name) => ({
			version: Number(name.split('_')[0]),
			name,
			sql: readFileSync(folder + name, 'utf8')
		}));
}

/** Applies the migrations not yet applied, each in its own transaction; returns their names. */
export async function migrate(db: Db): Promise<string[]> {
	await db.exec(
		'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL)'
	);
	const applied: string[] = [];
	for (const m of migrations()) {
		const done = await db.transaction(async (tx) => {
			if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
			const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
				m.version
			]);
			if (rows.length) return false;
			for (const statement of splitStatements(m.sql)) await tx.query(statement);
			await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
				m.version,
				m.name
			]);
			return true;
		});
		if (done) applied.push(m.name);
	}
	return applied;
}

/** Statements of a migration, split at semicolons that end a line (migrations use no $$ bodies). */
export function splitStatements(sql: string): string[] {
	return sql
		.replace(/--.*$/gm, '')
		.split(/;\s*$/m)
		.map((s) => s.trim())
		.filter(Boolean);
}
