import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../../src/lib/crypto/bytes.ts';
import { generateDeviceIdentity } from '../../src/lib/crypto/relay-keys.ts';
import { RelayError } from '../../src/lib/features/sync/relay-errors.ts';
import {
	BACKENDS,
	counts,
	envelopes,
	freshStorage,
	newClient,
	newTeam,
	rawRequest,
	startRelay,
	type Running,
	type Storage
} from './harness.ts';

const LIMITS = {
	requestBytes: 64 * 1024,
	envelopesPerPush: 10,
	envelopeBytes: 2048,
	logBytes: 4096,
	rateBurst: 30,
	ratePerSecond: 2
};

describe.each(BACKENDS)('requests the relay on %s refuses, storing nothing', (backend) => {
	let storage: Storage;
	let run: Running;
	let t: Awaited<ReturnType<typeof newTeam>>;
	let push: string;

	beforeAll(async () => {
		storage = await freshStorage(backend);
		run = await startRelay(storage, { limits: LIMITS });
		t = await newTeam(run.url);
		push = `/v1/teams/${t.team}/push`;
	});
	afterAll(async () => {
		await run?.stop();
		await storage?.drop();
	});

	/** Sends, expects the refusal `code`, and checks no table changed. */
	async function refused(code: string, send: () => Promise<{ status: number; json: unknown }>) {
		const before = await counts(run.db);
		const { status, json } = await send();
		expect(json).toMatchObject({ error: { code, message: expect.any(String) } });
		expect(status).toBeGreaterThanOrEqual(400);
		expect(await counts(run.db)).toEqual(before);
		return json as { error: Record<string, unknown> };
	}

	const body = async (n = 1) =>
		utf8(JSON.stringify({ envelopes: await envelopes(t.key, t.team, n) }));

	it('a replayed request: the first is stored, the same bytes again are refused', async () => {
		const first = await rawRequest(t.admin, 'POST', push, await body());
		expect(first.status).toBe(200);
		const before = await counts(run.db);
		expect(await first.replay()).toBe(401);
		expect(await counts(run.db)).toEqual(before);
		const again = await rawRequest(t.admin, 'GET', `/v1/teams/${t.team}`, null, {
			nonce: 'A'.repeat(22)
		});
		expect(again.status).toBe(200);
		await refused('replayed', () =>
			rawRequest(t.admin, 'GET', `/v1/teams/${t.team}`, null, { nonce: 'A'.repeat(22) })
		);
	});

	it('a request signed with another key, or whose body was changed after signing', async () => {
		const other = await generateDeviceIdentity();
		await refused('bad-signature', async () =>
			rawRequest(t.admin, 'POST', push, await body(), { signWith: other.signing.privateKey })
		);
		await refused('bad-signature', async () =>
			rawRequest(t.admin, 'POST', push, await body(), { signedBody: await body() })
		);
	});

	it('a request from outside the time window, with the relay time to correct by', async () => {
		const json = await refused('clock-skew', async () =>
			rawRequest(t.admin, 'POST', push, await body(), { time: Date.now() - 10 * 60_000 })
		);
		expect(Math.abs((json.error.serverTime as number) - Date.now())).toBeLessThan(60_000);
	});

	it('a request without its signature headers', async () => {
		await refused('unauthenticated', async () =>
			rawRequest(t.admin, 'POST', push, await body(), { omit: 'relay-signature' })
		);
	});

	it('a device that is not in the team', async () => {
		const stranger = await newClient(run.url, t.team);
		await refused('not-member', async () => rawRequest(stranger, 'POST', push, await body()));
	});

	it('a body that is not JSON, or not a push', async () => {
		await refused('not-json', () => rawRequest(t.admin, 'POST', push, utf8('{"envelopes": [')));
		const json = await refused('invalid', () =>
			rawRequest(t.admin, 'POST', push, utf8(JSON.stringify({ envelopes: [{ id: 'x' }] })))
		);
		expect(json.error.issues).toContainEqual(expect.objectContaining({ path: 'envelopes.0.id' }));
		await refused('invalid', async () => {
			const [e] = await envelopes(t.key, t.team, 1);
			return rawRequest(
				t.admin,
				'POST',
				push,
				utf8(JSON.stringify({ envelopes: [{ ...e, table: 'notes' }] }))
			);
		});
	});

	it('too large a request, too many envelopes, too large an envelope', async () => {
		const big = utf8(JSON.stringify({ envelopes: [], pad: 'x'.repeat(70 * 1024) }));
		await refused('request-too-large', () => rawRequest(t.admin, 'POST', push, big));
		await refused('too-many-envelopes', async () =>
			rawRequest(t.admin, 'POST', push, await body(11))
		);
		const [e] = await envelopes(t.key, t.team, 1);
		const huge = { ...e!, ciphertext: 'A'.repeat(3000) };
		await refused('envelope-too-large', () =>
			rawRequest(t.admin, 'POST', push, utf8(JSON.stringify({ envelopes: [huge] })))
		);
	});

	it("a push past the team's log size", async () => {
		const small = await newTeam(run.url);
		const [e] = await envelopes(small.key, small.team, 1);
		const kilobyte = { ...e!, ciphertext: 'A'.repeat(1366) }; // 1,024 bytes
		for (let i = 0; i < 4; i++)
			await small.admin.push([{ ...kilobyte, id: `${'B'.repeat(21)}${i}` }]);
		const json = await refused('log-full', () =>
			rawRequest(
				small.admin,
				'POST',
				`/v1/teams/${small.team}/push`,
				utf8(JSON.stringify({ envelopes: [{ ...kilobyte, id: 'C'.repeat(22) }] }))
			)
		);
		expect(json.error.code).toBe('log-full');
		expect((await small.admin.state()).head).toBe(4);
	});

	it('a device sending faster than its rate, told when to come back', async () => {
		const busy = await newTeam(run.url);
		const codes: string[] = [];
		for (let i = 0; i < 40; i++)
			await busy.admin.state().then(
				() => codes.push('ok'),
				(e: unknown) =>
					codes.push(e instanceof RelayError ? `${e.code}:${e.details.retryAfterMs! > 0}` : 'other')
			);
		expect(codes.filter((c) => c === 'ok').length).toBeLessThan(40);
		expect(codes).toContain('rate-limited:true');
		// Another device is not held back by this one.
		expect((await t.admin.state()).team).toBe(t.team);
	});

	it('an unknown route', async () => {
		await refused('not-found', () => rawRequest(t.admin, 'GET', '/v1/nothing', null));
	});
});
