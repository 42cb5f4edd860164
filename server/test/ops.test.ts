import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../../src/lib/crypto/bytes.ts';
import { inviteFromRandom } from '../../src/lib/domain/sync/index.ts';
import { RelayClient } from '../../src/lib/features/sync/relay-client.ts';
import {
	BACKENDS,
	envelopes,
	freshStorage,
	newClient,
	newTeam,
	pullEverything,
	startRelay,
	type Storage
} from './harness.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pgBin = (tool: string) => join(process.env.RELAY_TEST_PG_BIN ?? '', tool);

/** Every form a marker could take in a dump: as text, as hex (bytea) and as base64. */
function forms(marker: string): string[] {
	const bytes = Buffer.from(marker);
	return [
		marker,
		bytes.toString('hex'),
		bytes.toString('base64').slice(0, -2),
		bytes.toString('base64url').slice(0, -2)
	];
}

/** The files of a stopped PGlite folder, read as bytes and searched as Latin-1 text. */
function folderText(dir: string): string {
	const parts: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const p = join(d, name);
			if (statSync(p).isDirectory()) walk(p);
			else parts.push(readFileSync(p).toString('latin1'));
		}
	};
	walk(dir);
	return parts.join('\n');
}

describe.each(BACKENDS)('operating the relay on %s', (backend) => {
	let storage: Storage;
	const marker = `PLAINTEXT-${Math.random().toString(36).slice(2)}`;
	let team: string;
	let identity: RelayClient['identity'];
	let pushed: string[];

	beforeAll(async () => {
		storage = await freshStorage(backend);
		const run = await startRelay(storage);
		const t = await newTeam(run.url);
		const sent = await envelopes(t.key, t.team, 300, marker);
		await t.admin.pushAll(sent, { batch: 100 });
		const invite = inviteFromRandom(randomBytes(28));
		await t.admin.createInvite(invite, 600);
		await (await newClient(run.url)).join(invite);
		({ team } = t);
		identity = t.admin.identity;
		pushed = sent.map((e) => e.id);
		// The log lines hold no payload: no marker, no envelope id, no key.
		const logs = JSON.stringify(run.logs);
		for (const f of forms(marker)) expect(logs).not.toContain(f);
		expect(logs).not.toContain(sent[0]!.id);
		expect(logs).not.toContain(identity.keys.boxKey);
		expect(run.logs.filter((l) => l.route === 'push')).toHaveLength(3);
		await run.stop();
	});
	afterAll(async () => {
		await storage?.drop();
	});

	it('the database holds no plaintext: a full dump has none of the marker', () => {
		const dump =
			backend === 'pglite'
				? folderText(storage.dataDir!)
				: execFileSync(pgBin('pg_dump'), ['--no-owner', storage.databaseUrl!], {
						maxBuffer: 1 << 28
					}).toString();
		expect(dump.length).toBeGreaterThan(30_000);
		expect(dump).toContain(pushed[0]); // the dump is of the right database…
		for (const f of forms(marker)) expect(dump).not.toContain(f); // …and it holds no plaintext
		for (const f of forms('notes')) expect(dump).not.toContain(f); // nor the record's table
	});

	it('a backup restores to a relay that serves the same log', async () => {
		const restored = await restore(backend, storage);
		try {
			const run = await startRelay(restored);
			const client = new RelayClient({ url: run.url, identity, team });
			const { all } = await pullEverything(client);
			expect(all.map((e) => e.id)).toEqual(pushed);
			expect((await client.state()).devices).toHaveLength(2);
			await run.stop();
		} finally {
			await restored.drop();
		}
	});
});

/** PGlite: a copy of the stopped data folder. PostgreSQL: pg_dump, then pg_restore into a new database. */
async function restore(backend: string, from: Storage): Promise<Storage> {
	const to = await freshStorage(backend as 'pglite' | 'postgres');
	if (backend === 'pglite') {
		rmSync(to.dataDir!, { recursive: true });
		cpSync(from.dataDir!, to.dataDir!, { recursive: true });
	} else {
		const dir = mkdtempSync(join(tmpdir(), 'relay-dump-'));
		try {
			execFileSync(pgBin('pg_dump'), ['-Fc', '-f', join(dir, 'relay.dump'), from.databaseUrl!]);
			execFileSync(pgBin('pg_restore'), [
				'--no-owner',
				'-d',
				to.databaseUrl!,
				join(dir, 'relay.dump')
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}
	return to;
}

describe.skipIf(!BACKENDS.includes('postgres'))('moving a team from PGlite to PostgreSQL', () => {
	it('`npm run server -- migrate-to-postgres` copies the team, and the relay goes on from there', async () => {
		const source = await freshStorage('pglite');
		const target = await freshStorage('postgres');
		try {
			let run = await startRelay(source);
			const t = await newTeam(run.url);
			const other = await newTeam(run.url);
			const sent = await envelopes(t.key, t.team, 1200, 'MOVE');
			await t.admin.pushAll(sent, { batch: 1000 });
			await other.admin.push(await envelopes(other.key, other.team, 5));
			await run.stop();

			const out = spawnSync(
				'npm',
				[
					'run',
					'--silent',
					'server',
					'--',
					'migrate-to-postgres',
					'--data',
					source.dataDir!,
					'--to',
					target.databaseUrl!,
					'--team',
					t.team
				],
				{ cwd: root, encoding: 'utf8' }
			);
			expect(out.status, out.stderr).toBe(0);
			const moved = out.stdout
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l) as Record<string, unknown>);
			expect(moved.at(-1)).toMatchObject({ msg: 'moved', teams: 1, envelopes: 1200 });

			run = await startRelay(target);
			const client = new RelayClient({ url: run.url, identity: t.admin.identity, team: t.team });
			const { all } = await pullEverything(client);
			expect(all.map((e) => e.id)).toEqual(sent.map((e) => e.id));
			expect(all.map((e) => e.seq)).toEqual(sent.map((_, i) => i + 1));
			// The relay on PostgreSQL numbers on from where PGlite stopped; the other team stayed behind.
			expect((await client.push(await envelopes(t.key, t.team, 1))).results[0]!.seq).toBe(1201);
			const stranger = new RelayClient({
				url: run.url,
				identity: other.admin.identity,
				team: other.team
			});
			await expect(stranger.state()).rejects.toMatchObject({ code: 'not-member' });
			await run.stop();
		} finally {
			await source.drop();
			await target.drop();
		}
	});
});
