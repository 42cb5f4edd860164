import type { Db, Queryable } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { openPglite } from './db/pglite.ts';
import { openPostgres } from './db/postgres.ts';
import type { Logger } from './log.ts';

/**
 * Moves teams from a stopped relay's PGlite data folder into PostgreSQL: the target gets the same
 * migrations, then each team's rows are copied in one transaction, and the copy is checked (the
 * log's head, envelope count and bytes) before it commits. Nothing is deleted from the source, so
 * going back is starting the relay on the data folder again. Request nonces are not copied: they
 * only matter within the clock window, and the relay is stopped for longer than that.
 */
const TABLES: { name: string; columns: string[]; order: string }[] = [
	{ name: 'teams', columns: ['id', 'head', 'log_bytes', 'generation'], order: 'id' },
	{
		name: 'devices',
		columns: ['team_id', 'id', 'signing_key', 'box_key', 'role', 'status', 'invite', 'proof'],
		order: 'id'
	},
	{ name: 'invites', columns: ['hash', 'team_id', 'expires_at', 'used_by'], order: 'hash' },
	{
		name: 'key_wraps',
		columns: ['team_id', 'generation', 'device_id', 'wrapped', 'wrapped_by'],
		order: 'generation, device_id'
	},
	{
		name: 'envelopes',
		columns: ['team_id', 'seq', 'id', 'generation', 'nonce', 'ciphertext'],
		order: 'seq'
	}
];
const BATCH = 1000;

export interface MoveReport {
	teams: number;
	envelopes: number;
}

export async function migrateToPostgres(options: {
	dataDir: string;
	to: string;
	teams?: string[];
	log: Logger;
}): Promise<MoveReport> {
	const source = await openPglite(options.dataDir);
	const target = await openPostgres(options.to);
	try {
		await migrate(target);
		return await copyTeams(source, target, options.teams, options.log);
	} finally {
		await source.close();
		await target.close();
	}
}

export async function copyTeams(
	source: Db,
	target: Db,
	only: string[] | undefined,
	log: Logger
): Promise<MoveReport> {
	const all = (await source.query<{ id: string }>('SELECT id FROM teams ORDER BY id')).map(
		(r) => r.id
	);
	const teams = only?.length ? only : all;
	for (const t of teams) if (!all.includes(t)) throw new Error(`No team ${t} in the data folder`);
	let envelopes = 0;
	for (const team of teams) {
		await target.transaction(async (tx) => {
			const exists = await tx.query('SELECT 1 FROM teams WHERE id = $1', [team]);
			if (exists.length) throw new Error(`Team ${team} is already in the target database`);
			for (const table of TABLES) await copyTable(source, tx, table, team);
			const [a] = await source.query<Summary>(SUMMARY, [team]);
			const [b] = await tx.query<Summary>(SUMMARY, [team]);
			if (JSON.stringify(a) !== JSON.stringify(b))
				throw new Error(`The copy of team ${team} does not match its source`);
			envelopes += a!.count;
		});
		log('info', 'team moved', { team });
	}
	return { teams: teams.length, envelopes };
}

interface Summary {
	head: number;
	count: number;
	bytes: number;
}
const SUMMARY = `SELECT t.head, (SELECT count(*)::int8 FROM envelopes WHERE team_id = t.id) AS count,
	(SELECT coalesce(sum(octet_length(ciphertext)), 0)::int8 FROM envelopes WHERE team_id = t.id) AS bytes
	FROM teams t WHERE t.id = $1`;

async function copyTable(
	source: Db,
	tx: Queryable,
	table: (typeof TABLES)[number],
	team: string
): Promise<void> {
	const key = table.name === 'teams' ? 'id' : 'team_id';
	const cols = table.columns.join(', ');
	// The log is paged by sequence number (an OFFSET would read it again for every page).
	const log = table.name === 'envelopes';
	let last = 0;
	for (let offset = 0; ; offset += BATCH) {
		const rows = await source.query<Record<string, unknown>>(
			`SELECT ${cols} FROM ${table.name} WHERE ${key} = $1 ${log ? 'AND seq > $2' : ''}
			 ORDER BY ${table.order} LIMIT ${BATCH} ${log ? '' : `OFFSET ${offset}`}`,
			log ? [team, last] : [team]
		);
		if (!rows.length) return;
		const params: unknown[] = [];
		const values = rows.map((row) => {
			const slots = table.columns.map((c) => {
				params.push(row[c]);
				return `$${params.length}`;
			});
			return `(${slots.join(', ')})`;
		});
		await tx.query(`INSERT INTO ${table.name} (${cols}) VALUES ${values.join(', ')}`, params);
		if (log) last = rows.at(-1)!.seq as number;
		if (rows.length < BATCH) return;
	}
}
