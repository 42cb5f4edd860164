import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, utf8 } from '../../src/lib/crypto/bytes.ts';
import { importTeamKey, openEnvelope, sealEnvelope } from '../../src/lib/crypto/relay-envelope.ts';
import {
	checkInviteProof,
	generateDeviceIdentity,
	unwrapTeamKey,
	wrapTeamKey
} from '../../src/lib/crypto/relay-keys.ts';
import {
	inviteFromRandom,
	type InviteCode,
	type RelayEvent
} from '../../src/lib/domain/sync/index.ts';
import { RelayClient } from '../../src/lib/features/sync/relay-client.ts';
import {
	BACKENDS,
	counts,
	envelopes,
	freshStorage,
	newClient,
	newTeam,
	refusal,
	startRelay,
	wrapFor,
	type Running,
	type Storage
} from './harness.ts';

const newInvite = (): InviteCode => inviteFromRandom(randomBytes(28));

describe.each(BACKENDS)('members, invites and key generations on %s', (backend) => {
	let storage: Storage;
	let run: Running;
	let clock = 0; // how far the relay's clock is moved on, ms

	beforeAll(async () => {
		storage = await freshStorage(backend);
		run = await startRelay(storage, { now: () => Date.now() + clock });
	});
	afterAll(async () => {
		await run?.stop();
		await storage?.drop();
	});

	/** The admin invites a new device, checks its proof and wraps the current key for it. */
	async function invited(
		t: Awaited<ReturnType<typeof newTeam>>,
		secret = t.secret,
		generation = 1
	) {
		const invite = newInvite();
		await t.admin.createInvite(invite, 3600);
		const member = await newClient(run.url);
		const joined = await member.join(invite);
		expect(joined).toEqual({ team: t.team, device: member.device, generation });
		const seen = (await t.admin.state()).devices.find((d) => d.device === member.device)!;
		expect(await checkInviteProof(invite, seen.keys, seen.proof!)).toBe(true);
		const key = await wrapTeamKey(secret, {
			team: t.team,
			generation,
			device: member.device,
			boxKey: seen.keys.boxKey
		});
		expect(await t.admin.addKeys(generation, [{ device: member.device, key }])).toEqual({
			added: 1
		});
		return member;
	}

	it('a device joins with an invite, gets the team key wrapped for it, and reads the work', async () => {
		const t = await newTeam(run.url);
		await t.admin.push(await envelopes(t.key, t.team, 3, 'BEFORE-JOIN'));
		const member = await invited(t);
		const [mine] = await member.myKeys();
		const key = await importTeamKey(await unwrapTeamKey(member.identity, t.team, 1, mine!.key));
		const [first] = (await member.pull(0)).envelopes;
		expect(new TextDecoder().decode(await openEnvelope(key, t.team, first!))).toContain(
			'BEFORE-JOIN-0'
		);
		expect((await member.state()).devices.map((d) => d.role).sort()).toEqual(['admin', 'member']);
	});

	it('a relay that swaps in keys of its own cannot pass the invite proof', async () => {
		const t = await newTeam(run.url);
		const invite = newInvite();
		await t.admin.createInvite(invite, 3600);
		const member = await newClient(run.url);
		await member.join(invite);
		const seen = (await t.admin.state()).devices.find((d) => d.device === member.device)!;
		const relays = await generateDeviceIdentity();
		expect(await checkInviteProof(invite, relays.keys, seen.proof!)).toBe(false);
		expect(
			await checkInviteProof(invite, { ...seen.keys, boxKey: relays.keys.boxKey }, seen.proof!)
		).toBe(false);
	});

	it('an invite works once, and not after it expires; only the admin makes invites', async () => {
		const t = await newTeam(run.url);
		const invite = newInvite();
		await t.admin.createInvite(invite, 120);
		await (await newClient(run.url)).join(invite);
		const before = await counts(run.db);
		expect(await refusal((await newClient(run.url)).join(invite))).toBe('invite-used');
		expect(await refusal((await newClient(run.url)).join(newInvite()))).toBe('invite-unknown');

		const later = newInvite();
		await t.admin.createInvite(later, 60);
		clock = 61_000;
		try {
			expect(await refusal((await newClient(run.url)).join(later))).toBe('invite-expired');
		} finally {
			clock = 0;
		}
		expect((await counts(run.db)).devices).toBe(before.devices);

		const member = await invited(t);
		expect(await refusal(member.createInvite(newInvite(), 600))).toBe('not-admin');
	});

	it('a removed device can no longer pull, push or listen, and cannot open what comes after', async () => {
		const t = await newTeam(run.url);
		const b = await invited(t);
		const c = await invited(t);
		const events: RelayEvent[] = [];
		const stop = new AbortController();
		const listening = b.subscribe((e) => events.push(e), stop.signal);
		await expect.poll(() => events.length).toBeGreaterThan(0);

		// Generation 2, wrapped for the admin and C only; B is removed in the same step.
		const secret2 = randomBytes(32);
		const wraps = await Promise.all([t.admin, c].map((d) => wrapFor(secret2, t.team, 2, d)));
		expect(await t.admin.remove(b.device, { generation: 2, wraps })).toEqual({ generation: 2 });

		await expect(listening).rejects.toMatchObject({ code: 'removed' });
		expect(await refusal(b.pull(0))).toBe('removed');
		expect(await refusal(b.push(await envelopes(t.key, t.team, 1)))).toBe('removed');
		expect(await refusal(b.myKeys())).toBe('removed');
		const state = await t.admin.state();
		expect(state.generation).toBe(2);
		expect(state.devices.find((d) => d.device === b.device)).toMatchObject({
			status: 'removed',
			generations: [1]
		});

		// Writing on: generation 1 is refused, generation 2 opens for C and not with B's last key.
		expect(await refusal(t.admin.push(await envelopes(t.key, t.team, 1)))).toBe('stale-generation');
		const key2 = await importTeamKey(secret2);
		const [after] = await envelopes(key2, t.team, 1, 'AFTER-REMOVAL', 2);
		await t.admin.push([after!]);
		const cKeys = await c.myKeys();
		expect(cKeys.map((k) => k.generation)).toEqual([1, 2]);
		const cKey2 = await importTeamKey(await unwrapTeamKey(c.identity, t.team, 2, cKeys[1]!.key));
		const pulled = (await c.pull(0)).envelopes.at(-1)!;
		expect(new TextDecoder().decode(await openEnvelope(cKey2, t.team, pulled))).toContain(
			'AFTER-REMOVAL'
		);
		await expect(openEnvelope(t.key, t.team, pulled)).rejects.toThrow();
	});

	it('a removal must rotate the key for exactly the remaining devices; the admin stays', async () => {
		const t = await newTeam(run.url);
		const b = await invited(t);
		const c = await invited(t);
		const secret = randomBytes(32);
		const wrap = (d: RelayClient) => wrapFor(secret, t.team, 2, d);
		const before = await counts(run.db);
		// The removed device among the wraps, a remaining one missing, a generation skipped:
		expect(
			await refusal(
				t.admin.remove(b.device, {
					generation: 2,
					wraps: [await wrap(t.admin), await wrap(b), await wrap(c)]
				})
			)
		).toBe('key-coverage');
		expect(
			await refusal(t.admin.remove(b.device, { generation: 2, wraps: [await wrap(t.admin)] }))
		).toBe('key-coverage');
		expect(
			await refusal(
				t.admin.remove(b.device, { generation: 3, wraps: [await wrap(t.admin), await wrap(c)] })
			)
		).toBe('generation-conflict');
		expect(
			await refusal(
				t.admin.remove(t.admin.device, { generation: 2, wraps: [await wrap(b), await wrap(c)] })
			)
		).toBe('admin-stays');
		expect(
			await refusal(
				b.remove(c.device, { generation: 2, wraps: [await wrap(t.admin), await wrap(b)] })
			)
		).toBe('not-admin');
		expect(await counts(run.db)).toEqual(before);
		expect((await b.state()).generation).toBe(1);
	});

	it('a member leaves; the team key is then rotated by the admin', async () => {
		const t = await newTeam(run.url);
		const b = await invited(t);
		await b.leave();
		expect(await refusal(b.pull(0))).toBe('removed');
		expect(await refusal(t.admin.leave())).toBe('admin-stays');
		const secret = randomBytes(32);
		const key = await wrapTeamKey(secret, {
			team: t.team,
			generation: 2,
			device: t.admin.device,
			boxKey: t.admin.identity.keys.boxKey
		});
		expect(
			await t.admin.rotate({ generation: 2, wraps: [{ device: t.admin.device, key }] })
		).toEqual({ generation: 2 });
		const sealed = await sealEnvelope(
			await importTeamKey(secret),
			{ team: t.team, generation: 2 },
			utf8('{}')
		);
		expect((await t.admin.push([sealed])).head).toBe(1);
	});
});
