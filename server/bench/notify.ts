import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, utf8 } from '../../src/lib/crypto/bytes.ts';
import { importTeamKey, sealEnvelope } from '../../src/lib/crypto/relay-envelope.ts';
import { generateDeviceIdentity, wrapTeamKey } from '../../src/lib/crypto/relay-keys.ts';
import { inviteFromRandom } from '../../src/lib/domain/sync/index.ts';
import { RelayClient } from '../../src/lib/features/sync/relay-client.ts';
import { openPglite } from '../src/db/pglite.ts';
import { spawnRelay } from '../test/process.ts';

const quantile = (xs: number[], q: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/**
 * 30 devices, each pushing one envelope a second and listening for "something new": the time from
 * a push leaving one device to another device hearing of it, and the relay's peak memory.
 * Baselines from the same run: a plain request's round trip (GET /health) and the relay's memory
 * right after it started.
 */
export async function notifyBench(devices: number, seconds: number, port: number) {
	const dir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
	// A data folder made beforehand: the first start in an empty folder runs PGlite's initdb, a
	// one-off peak (about 0.9 GB) that is not the relay at work.
	await (await openPglite(dir)).close();
	const relay = await spawnRelay({ port, dataDir: dir });
	const idleMemory = relay.peakMemory();
	const stop = new AbortController();
	try {
		const secret = randomBytes(32);
		const team = RelayClient.newTeamId();
		const admin = new RelayClient({ url: relay.url, identity: await generateDeviceIdentity() });
		const wrap = (c: RelayClient) =>
			wrapTeamKey(secret, {
				team,
				generation: 1,
				device: c.device,
				boxKey: c.identity.keys.boxKey
			});
		await admin.createTeam(team, await wrap(admin));
		const clients = [admin];
		for (let i = 1; i < devices; i++) {
			const invite = inviteFromRandom(randomBytes(28));
			await admin.createInvite(invite, 600);
			const c = new RelayClient({ url: relay.url, identity: await generateDeviceIdentity() });
			await c.join(invite);
			await admin.addKeys(1, [{ device: c.device, key: await wrap(c) }]);
			clients.push(c);
		}
		const key = await importTeamKey(secret);

		// When each device first heard of each head.
		const heard = clients.map(() => new Map<number, number>());
		let connected = 0;
		const listening = clients.map((c, i) =>
			c.subscribe((e) => {
				if (e.type !== 'head') return;
				if (e.head === 0) connected++;
				if (!heard[i]!.has(e.head)) heard[i]!.set(e.head, performance.now());
			}, stop.signal)
		);
		while (connected < devices) await new Promise((r) => setTimeout(r, 50));

		const pushes: { from: number; seq: number; at: number }[] = [];
		const rtt: number[] = [];
		const end = performance.now() + seconds * 1000;
		await Promise.all(
			clients.map(async (c, i) => {
				// Spread the devices over the second, as independent phones would be.
				await new Promise((r) => setTimeout(r, (1000 * i) / devices));
				for (let next = performance.now(); next < end; next += 1000) {
					await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
					const e = await sealEnvelope(key, { team, generation: 1 }, utf8(`{"i":${i}}`));
					const at = performance.now();
					const { results } = await c.push([e]);
					pushes.push({ from: i, seq: results[0]!.seq, at });
					if (i === 0) {
						const t = performance.now();
						await fetch(`${relay.url}/health`).then((r) => r.json());
						rtt.push(performance.now() - t);
					}
				}
			})
		);
		await new Promise((r) => setTimeout(r, 1500)); // the last notifications
		const latencies: number[] = [];
		let missed = 0;
		for (const p of pushes)
			for (let d = 0; d < devices; d++) {
				if (d === p.from) continue;
				// A device hears a later head instead of this one when pushes land together.
				let when = Infinity;
				for (const [head, t] of heard[d]!) if (head >= p.seq && t < when) when = t;
				if (when === Infinity) missed++;
				else latencies.push(Math.max(0, when - p.at));
			}
		stop.abort();
		await Promise.allSettled(listening);
		return {
			pushes: pushes.length,
			p95: quantile(latencies, 0.95),
			median: quantile(latencies, 0.5),
			missed,
			rttP95: quantile(rtt, 0.95),
			peakMemory: relay.peakMemory(),
			idleMemory
		};
	} finally {
		stop.abort();
		await relay.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
