import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from '../../src/lib/crypto/bytes.ts';
import { generateDeviceIdentity, inviteProof } from '../../src/lib/crypto/relay-keys.ts';
import { inviteFromRandom } from '../../src/lib/domain/sync/index.ts';
import { RelayClient } from '../../src/lib/features/sync/relay-client.ts';
import { DEFAULT_LIMITS } from '../src/config.ts';
import { openPglite } from '../src/db/pglite.ts';
import { migrate } from '../src/db/migrate.ts';
import { Store } from '../src/store.ts';
import { spawnRelay } from '../test/process.ts';

/**
 * A new device pulls a team's whole log (1,000,000 envelopes, 200 MB of ciphertext by default)
 * through the relay, against reading the same rows, page by page, straight from the database.
 */
export async function pullBench(count: number, port: number) {
	const dir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
	try {
		const team = RelayClient.newTeamId();
		const reader = await generateDeviceIdentity();
		const t0 = performance.now();
		await seed(dir, team, reader, count);
		console.log(`  seeded ${count} envelopes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

		const relay = await spawnRelay({ port, dataDir: dir });
		const client = new RelayClient({ url: relay.url, identity: reader, team });
		let pulled = 0;
		let bytes = 0;
		const started = performance.now();
		await client.pullAll(0, (page) => {
			pulled += page.envelopes.length;
			for (const e of page.envelopes) bytes += e.ciphertext.length;
		});
		const viaRelay = performance.now() - started;
		await relay.stop();
		if (pulled !== count) throw new Error(`pulled ${pulled} of ${count}`);

		const db = await openPglite(dir);
		const direct = performance.now();
		let read = 0;
		for (let since = 0; ;) {
			const rows = await db.query<{ seq: number; ciphertext: Uint8Array }>(
				`SELECT seq, id, generation, nonce, ciphertext FROM envelopes
				 WHERE team_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
				[team, since, DEFAULT_LIMITS.pullPage]
			);
			if (!rows.length) break;
			read += rows.length;
			since = rows.at(-1)!.seq;
		}
		const fromDb = performance.now() - direct;
		await db.close();
		if (read !== count) throw new Error(`read ${read} of ${count}`);
		return { viaRelay, fromDb, megabytes: Math.round((bytes * 3) / 4 / 1e6) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** A team with an admin and the reading device, and `count` envelopes of 200 bytes of noise. */
async function seed(
	dir: string,
	team: string,
	reader: Awaited<ReturnType<typeof generateDeviceIdentity>>,
	count: number
) {
	const db = await openPglite(dir);
	await migrate(db);
	const store = new Store(db);
	const admin = await generateDeviceIdentity();
	await store.createTeam(team, admin.device, admin.keys, 'AAAA');
	const invite = inviteFromRandom(randomBytes(28));
	await store.createInvite(team, invite.id, Date.now() + 60_000);
	await store.join(
		invite.id,
		reader.device,
		reader.keys,
		await inviteProof(invite, reader.keys),
		Date.now(),
		60
	);
	const step = 100_000;
	for (let from = 1; from <= count; from += step) {
		const to = Math.min(count, from + step - 1);
		// 200 bytes per envelope: twelve and a half MD5s of the sequence number, in hex decoded.
		await db.query(
			`INSERT INTO envelopes (team_id, seq, id, generation, nonce, ciphertext)
			 SELECT $1, i, lpad(i::text, 22, 'A'), 1, 'AAAAAAAAAAAAAAAA',
			        decode(repeat(md5(i::text), 12) || left(md5((-i)::text), 16), 'hex')
			 FROM generate_series($2::int8, $3::int8) AS i`,
			[team, from, to]
		);
	}
	await db.query('UPDATE teams SET head = $2, log_bytes = $3 WHERE id = $1', [
		team,
		count,
		count * 200
	]);
	await db.close();
}
