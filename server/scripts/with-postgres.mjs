#!/usr/bin/env node
// Runs a command (the relay's tests) with a throw-away PostgreSQL cluster, so the whole suite runs
// on PostgreSQL as well as PGlite without any set-up:
//   node server/scripts/with-postgres.mjs vitest run --config server/vitest.config.ts
// - RELAY_TEST_DATABASE_URL already set: that server is used as is (it must allow CREATE DATABASE).
// - else the newest /usr/lib/postgresql/*/bin (or RELAY_TEST_PG_BIN) is used to initdb a cluster in
//   a temporary folder (as the `postgres` user when run as root), started on 127.0.0.1:4399
//   (RELAY_TEST_PG_PORT), stopped and removed afterwards;
// - no PostgreSQL found: the command runs anyway, and the tests fail saying what is missing
//   (RELAY_TEST_SKIP_POSTGRES=1 runs the PGlite half alone, on purpose).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const command = process.argv.slice(2);
const env = { ...process.env };

function pgBin() {
	if (env.RELAY_TEST_PG_BIN) return env.RELAY_TEST_PG_BIN;
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return null;
	const versions = readdirSync(base)
		.filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(base, versions[0], 'bin') : null;
}

function sh(cmd, args, asPostgres) {
	const root = process.getuid?.() === 0;
	const [c, a] =
		asPostgres && root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
	const r = spawnSync(c, a, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
}

let cluster = null;
const bin = pgBin();
if (!env.RELAY_TEST_DATABASE_URL && !env.RELAY_TEST_SKIP_POSTGRES && bin) {
	const dir = mkdtempSync(join(tmpdir(), 'relay-pg-'));
	chmodSync(dir, 0o777); // the postgres user writes here when we are root
	const data = join(dir, 'data');
	const port = env.RELAY_TEST_PG_PORT ?? '4399';
	const user = process.getuid?.() === 0 ? 'postgres' : (env.USER ?? 'postgres');
	try {
		sh(
			join(bin, 'initdb'),
			['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-locale'],
			true
		);
		sh(
			join(bin, 'pg_ctl'),
			[
				'-D',
				data,
				'-w',
				'-l',
				join(dir, 'log'),
				'-o',
				`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
				'start'
			],
			true
		);
		cluster = { dir, data };
		env.RELAY_TEST_DATABASE_URL = `postgres://${user}@127.0.0.1:${port}/postgres`;
		env.RELAY_TEST_PG_BIN = bin;
		console.log(`PostgreSQL (${bin}) for the relay tests on 127.0.0.1:${port}`);
	} catch (e) {
		rmSync(dir, { recursive: true, force: true });
		console.error(String(e));
		process.exit(1);
	}
}

const r = spawnSync('npx', command, { stdio: 'inherit', env });
if (cluster) {
	try {
		sh(join(bin, 'pg_ctl'), ['-D', cluster.data, '-m', 'fast', 'stop'], true);
	} finally {
		rmSync(cluster.dir, { recursive: true, force: true });
	}
}
process.exit(r.status ?? 1);
