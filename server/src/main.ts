#!/usr/bin/env node
/**
 * `npm run server -- --port 4300 --data ./relay-data` starts the relay (PGlite in the data
 * folder, or PostgreSQL when DATABASE_URL is set);
 * `npm run server -- migrate-to-postgres --data ./relay-data --to postgres://…` copies a stopped
 * relay's PGlite database into PostgreSQL.
 */
import { parseArgs } from 'node:util';
import { createRelay } from './app.ts';
import { openDb } from './db/db.ts';
import { jsonLogger } from './log.ts';
import { migrateToPostgres } from './move.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		port: { type: 'string', default: '4300' },
		host: { type: 'string', default: '127.0.0.1' },
		data: { type: 'string', default: './relay-data' },
		to: { type: 'string' },
		team: { type: 'string', multiple: true },
		app: { type: 'string' },
		help: { type: 'boolean', short: 'h' }
	}
});

const log = jsonLogger();
const usage = `Usage:
  npm run server -- [--port 4300] [--host 127.0.0.1] [--data ./relay-data] [--app ./build]
      (DATABASE_URL=postgres://… uses PostgreSQL instead of the data folder)
  npm run server -- migrate-to-postgres --data ./relay-data --to postgres://… [--team ID …]`;

if (values.help) {
	console.log(usage);
} else if (positionals[0] === 'migrate-to-postgres') {
	if (!values.to) {
		console.error(`--to is needed\n${usage}`);
		process.exit(2);
	}
	const report = await migrateToPostgres({
		dataDir: values.data,
		to: values.to,
		teams: values.team,
		log
	});
	log('info', 'moved', { teams: report.teams, envelopes: report.envelopes });
} else if (positionals.length) {
	console.error(`Unknown command ${positionals[0]}\n${usage}`);
	process.exit(2);
} else {
	const databaseUrl = process.env.DATABASE_URL || undefined;
	const db = await openDb({ databaseUrl, dataDir: values.data });
	const relay = await createRelay({ db, logger: log, app: values.app });
	const url = await relay.listen(Number(values.port), values.host);
	log('info', 'listening', {
		url,
		storage: db.kind,
		...(db.kind === 'pglite' ? { data: values.data } : {})
	});
	const stop = async (signal: string) => {
		log('info', 'stopping', { signal });
		await relay.close();
		await db.close();
		process.exit(0);
	};
	process.once('SIGINT', (s) => void stop(s));
	process.once('SIGTERM', (s) => void stop(s));
}
