import { describe, expect, it } from 'vitest';
import { inviteFromRandom } from '$lib/domain/sync/invite';
import { randomBytes, utf8 } from './bytes';
import { importTeamKey, openEnvelope, sealEnvelope } from './relay-envelope';
import {
	checkInviteProof,
	deviceIdOf,
	generateDeviceIdentity,
	importSigningKey,
	inviteProof,
	signText,
	unwrapTeamKey,
	verifyText,
	wrapTeamKey
} from './relay-keys';

describe('relay device keys', () => {
	it('a device id is derived from its signing key, and its signatures verify with that key only', async () => {
		const a = await generateDeviceIdentity();
		const b = await generateDeviceIdentity();
		expect(a.device).toBe(await deviceIdOf(a.keys.signingKey));
		expect(a.device).not.toBe(b.device);
		const signature = await signText(a.signing.privateKey, 'request');
		expect(await verifyText(await importSigningKey(a.keys.signingKey), 'request', signature)).toBe(
			true
		);
		expect(await verifyText(await importSigningKey(a.keys.signingKey), 'requesT', signature)).toBe(
			false
		);
		expect(await verifyText(await importSigningKey(b.keys.signingKey), 'request', signature)).toBe(
			false
		);
	});

	it('a team key wrapped for one device opens there only, and only for its team and generation', async () => {
		const a = await generateDeviceIdentity();
		const b = await generateDeviceIdentity();
		const secret = randomBytes(32);
		const wrapped = await wrapTeamKey(secret, {
			team: 't',
			generation: 2,
			device: a.device,
			boxKey: a.keys.boxKey
		});
		expect(await unwrapTeamKey(a, 't', 2, wrapped)).toEqual(secret);
		await expect(unwrapTeamKey(b, 't', 2, wrapped)).rejects.toThrow();
		await expect(unwrapTeamKey(a, 't', 3, wrapped)).rejects.toThrow();
		await expect(unwrapTeamKey(a, 'u', 2, wrapped)).rejects.toThrow();
	});

	it('an invite proof holds for the keys it was made for, with the secret it was made with', async () => {
		const a = await generateDeviceIdentity();
		const other = await generateDeviceIdentity();
		const invite = inviteFromRandom(randomBytes(28));
		const proof = await inviteProof(invite, a.keys);
		expect(await checkInviteProof(invite, a.keys, proof)).toBe(true);
		expect(await checkInviteProof(invite, other.keys, proof)).toBe(false);
		expect(await checkInviteProof(inviteFromRandom(randomBytes(28)), a.keys, proof)).toBe(false);
	});

	it('an envelope opens with its team key, team and generation, and not when moved', async () => {
		const key = await importTeamKey(randomBytes(32));
		const sealed = await sealEnvelope(key, { team: 't', generation: 1 }, utf8('{"text":"x"}'));
		expect(new TextDecoder().decode(await openEnvelope(key, 't', sealed))).toBe('{"text":"x"}');
		await expect(openEnvelope(key, 'u', sealed)).rejects.toThrow();
		const other = await sealEnvelope(key, { team: 't', generation: 1 }, utf8('{}'));
		await expect(openEnvelope(key, 't', { ...sealed, id: other.id })).rejects.toThrow();
		await expect(openEnvelope(await importTeamKey(randomBytes(32)), 't', sealed)).rejects.toThrow();
	});
});
