import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayClient } from '../../src/lib/features/sync/relay-client.ts';
import {
	BACKENDS,
	envelopes,
	freshStorage,
	newTeam,
	pullEverything,
	type Storage
} from './harness.ts';
import { spawnRelay, type RelayProcess } from './process.ts';

describe.each(BACKENDS.map((b, i) => [b, 4310 + i] as const))(
	'the relay process on %s killed in the middle of a push',
	(backend, port) => {
		let storage: Storage;
		let relay: RelayProcess | undefined;

		beforeAll(async () => {
			storage = await freshStorage(backend);
		});
		afterAll(async () => {
			await relay?.stop('SIGKILL');
			await storage?.drop();
		});

		it('stores every envelope exactly once, numbered 1…5000, after the client retries', async () => {
			const start = () =>
				spawnRelay({ port, dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
			relay = await start();
			const t = await newTeam(relay.url);
			const sent = await envelopes(t.key, t.team, 5000, 'CRASH');

			// The admin's device again, with a fetch that says when the third batch leaves and counts
			// the attempts that found no relay.
			let pushes = 0;
			let failed = 0;
			let thirdSent!: () => void;
			const third = new Promise<void>((resolve) => (thirdSent = resolve));
			const client = new RelayClient({
				url: relay.url,
				identity: t.admin.identity,
				team: t.team,
				fetch: (input, init) => {
					if (String(input).endsWith('/push') && ++pushes === 3) thirdSent();
					return fetch(input, init).catch((e: unknown) => {
						failed++;
						throw e;
					});
				}
			});
			const pushing = client.pushAll(sent, { batch: 500, retryForMs: 90_000 });
			await third; // two batches stored, the third on its way: kill -9 now
			await relay.stop('SIGKILL');
			relay = await start();
			const results = await pushing;

			expect(failed).toBeGreaterThan(0);
			expect(results.map((r) => r.id)).toEqual(sent.map((e) => e.id));
			const { all } = await pullEverything(client);
			expect(all).toHaveLength(5000);
			expect(new Set(all.map((e) => e.id))).toEqual(new Set(sent.map((e) => e.id)));
			expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
			expect((await client.state()).head).toBe(5000);
		});
	}
);
