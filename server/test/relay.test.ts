import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openEnvelope } from '../../src/lib/crypto/relay-envelope.ts';
import { RelayClient } from '../../src/lib/features/sync/relay-client.ts';
import type { RelayEvent } from '../../src/lib/domain/sync/index.ts';
import { LogStore } from '../src/log-store.ts';
import {
	BACKENDS,
	envelopes,
	freshStorage,
	newTeam,
	pullEverything,
	refusal,
	startRelay,
	type Running,
	type Storage
} from './harness.ts';

describe.each(BACKENDS)('the relay on %s', (backend) => {
	let storage: Storage;
	let run: Running;

	beforeAll(async () => {
		storage = await freshStorage(backend);
		run = await startRelay(storage);
	});
	afterAll(async () => {
		await run?.stop();
		await storage?.drop();
	});

	it('answers /health', async () => {
		const res = await fetch(`${run.url}/health`);
		expect(await res.json()).toEqual({ ok: true, protocol: 1 });
	});

	it('gives pushed envelopes back in order, numbered from 1, and they open with the team key', async () => {
		const { admin, team, key } = await newTeam(run.url);
		const sent = await envelopes(key, team, 20, 'ROUND-TRIP');
		const pushed = await admin.push(sent);
		expect(pushed.results.map((r) => r.seq)).toEqual(sent.map((_, i) => i + 1));
		expect(pushed.head).toBe(20);

		expect((await admin.state()).devices).toHaveLength(1);
		const page = await admin.pull(0);
		expect(page.envelopes.map((e) => e.id)).toEqual(sent.map((e) => e.id));
		expect(page.more).toBe(false);
		const opened = new TextDecoder().decode(await openEnvelope(key, team, page.envelopes[7]!));
		expect(JSON.parse(opened)).toMatchObject({ text: 'ROUND-TRIP-7' });
		// Later pulls start after what was seen.
		expect((await admin.pull(15)).envelopes.map((e) => e.seq)).toEqual([16, 17, 18, 19, 20]);
	});

	it('stores an envelope sent twice once, and says which were already there', async () => {
		const { admin, team, key } = await newTeam(run.url);
		const [a, b, c] = await envelopes(key, team, 3);
		await admin.push([a!, b!]);
		const again = await admin.push([b!, c!, a!, c!]);
		expect(again.results).toEqual([
			{ id: b!.id, seq: 2, duplicate: true },
			{ id: c!.id, seq: 3, duplicate: false },
			{ id: a!.id, seq: 1, duplicate: true },
			{ id: c!.id, seq: 3, duplicate: true }
		]);
		const { all } = await pullEverything(admin);
		expect(all.map((e) => e.seq)).toEqual([1, 2, 3]);
	});

	it('pages through 50,000 envelopes without losing or repeating one', async () => {
		const { admin, team, key } = await newTeam(run.url);
		const one = await envelopes(key, team, 1);
		// Distinct ids over a small sealed body: the paging, not the sealing, is under test here.
		const many = Array.from({ length: 50_000 }, (_, i) => ({
			...one[0]!,
			id: RelayClient.newTeamId().slice(0, 16) + String(i).padStart(6, '0')
		}));
		// Stored straight through the log's SQL: the paging, not the pushing, is under test here.
		const log = new LogStore(run.db);
		for (let at = 0; at < many.length; at += 5000)
			await log.push(team, many.slice(at, at + 5000), Infinity);
		const { all, pages } = await pullEverything(admin, 3000);
		expect(pages).toBe(17);
		expect(all).toHaveLength(50_000);
		expect(all.every((e, i) => e.seq === i + 1 && e.id === many[i]!.id)).toBe(true);
	});

	it('cuts a page by bytes, a first envelope bigger than the page still sent alone', async () => {
		const { team, key } = await newTeam(run.url);
		const [small] = await envelopes(key, team, 1);
		const big = (i: number, kb: number) => ({
			...small!,
			id: RelayClient.newTeamId().slice(0, 16) + String(i).padStart(6, '0'),
			ciphertext: Buffer.alloc(kb * 1024, i).toString('base64url')
		});
		const log = new LogStore(run.db);
		await log.push(team, [big(1, 30), big(2, 4), big(3, 4), big(4, 4), big(5, 1)], Infinity);
		const seqs = async (since: number) => {
			const page = await log.pull(team, since, 100, 10 * 1024);
			return { seqs: page.envelopes.map((e) => e.seq), more: page.more, bytes: page.bytes };
		};
		expect(await seqs(0)).toEqual({ seqs: [1], more: true, bytes: 30 * 1024 });
		expect(await seqs(1)).toEqual({ seqs: [2, 3], more: true, bytes: 8 * 1024 });
		expect(await seqs(3)).toEqual({ seqs: [4, 5], more: false, bytes: 5 * 1024 });
		expect(await seqs(5)).toEqual({ seqs: [], more: false, bytes: 0 });
	});

	it('asks for the next page while the device is still handling one', async () => {
		const { admin, team, key } = await newTeam(run.url);
		await admin.push(await envelopes(key, team, 9));
		const asked = vi.spyOn(admin, 'pull');
		const seen: number[][] = [];
		await admin.pullAll(
			0,
			async (page) => {
				// The next page's request has gone out before this handler returns.
				if (page.more) await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(seen.length + 2));
				seen.push(page.envelopes.map((e) => e.seq));
			},
			{ limit: 4 }
		);
		expect(seen).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9]]);
		expect(asked).toHaveBeenCalledTimes(3);
	});

	it('tells subscribers that something new arrived', async () => {
		const { admin, team, key } = await newTeam(run.url);
		const seen: RelayEvent[] = [];
		const stop = new AbortController();
		const listening = admin.subscribe((e) => seen.push(e), stop.signal);
		await expect.poll(() => seen.some((e) => e.type === 'head')).toBe(true);
		await admin.push(await envelopes(key, team, 2));
		await expect
			.poll(() => seen.filter((e) => e.type === 'head').at(-1))
			.toEqual({ type: 'head', head: 2 });
		stop.abort();
		await listening;
	});

	it('refuses an envelope of an old key generation', async () => {
		const { admin, team, key } = await newTeam(run.url);
		expect(await refusal(admin.push(await envelopes(key, team, 1, 'X', 2)))).toBe(
			'stale-generation'
		);
		expect((await admin.state()).head).toBe(0);
	});

	it('keeps sealed bodies sealed: a relay-side edit of the team or generation does not open', async () => {
		const { admin, team, key } = await newTeam(run.url);
		const [e] = await envelopes(key, team, 1);
		await admin.push([e!]);
		const [pulled] = (await admin.pull(0)).envelopes;
		await expect(openEnvelope(key, 'another-team-id-000000', pulled!)).rejects.toThrow();
		await expect(openEnvelope(key, team, { ...pulled!, generation: 2 })).rejects.toThrow();
	});
});
