import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import {
	envelopeLock,
	openEnvelope,
	openEnvelopeWithKey,
	readEnvelope,
	sealEnvelope,
	sealEnvelopeWithKey
} from './envelope';
import { DamagedError, WrongPassphraseError, WrongRecoveryKeyError } from './errors';
import { generateTeamKey, parseTeamKey, teamKeyId } from './team-key';
import { CHEAP_KDF, containsBytes } from '$lib/testing/crypto';

const PACKAGE = JSON.stringify({ format: 'stedsans-team-package', records: { notes: ['MARKØR'] } });

async function key() {
	const k = generateTeamKey();
	return { ...k, id: await teamKeyId(k.secret) };
}

describe('the team package key', () => {
	it('is written in groups a person can read out, and read back however it is typed', () => {
		const k = generateTeamKey();
		expect(k.text).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
		const typed = k.text.toLowerCase().replaceAll('-', ' ');
		expect(Array.from(parseTeamKey(typed).secret)).toEqual(Array.from(k.secret));
		expect(() => parseTeamKey(k.text.slice(0, -2))).toThrow(WrongRecoveryKeyError);
	});

	it('has a short id that is the same for the same key and differs between keys', async () => {
		const a = generateTeamKey();
		const b = generateTeamKey();
		const id = await teamKeyId(a.secret);
		expect(id).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		expect(await teamKeyId(parseTeamKey(a.text).secret)).toBe(id);
		expect(await teamKeyId(b.secret)).not.toBe(id);
	});
});

describe('an envelope sealed with the team key', () => {
	it('round-trips, names its key, and holds no plaintext', async () => {
		const k = await key();
		const file = await sealEnvelopeWithKey(PACKAGE, k);
		expect(containsBytes(utf8(file), utf8('MARKØR'))).toBe(false);
		expect(envelopeLock(readEnvelope(file))).toEqual({ type: 'team-key', id: k.id });
		const opened = await openEnvelopeWithKey(file, parseTeamKey(k.text).secret);
		expect(opened).toMatchObject({ kind: 'team-package' });
		expect(opened.text()).toBe(PACKAGE);
	});

	it('uses a fresh salt and IV for every file', async () => {
		const k = await key();
		const a = readEnvelope(await sealEnvelopeWithKey(PACKAGE, k));
		const b = readEnvelope(await sealEnvelopeWithKey(PACKAGE, k));
		expect(a.kdf).not.toEqual(b.kdf);
		expect(a.iv).not.toBe(b.iv);
		expect(a.ciphertext).not.toBe(b.ciphertext);
	});

	it('refuses another key, a passphrase, and a changed file, and does not wipe the caller’s key', async () => {
		const k = await key();
		const other = await key();
		const file = await sealEnvelopeWithKey(PACKAGE, k);
		await expect(openEnvelopeWithKey(file, other.secret)).rejects.toBeInstanceOf(
			WrongPassphraseError
		);
		await expect(openEnvelope(file, k.text)).rejects.toBeInstanceOf(WrongPassphraseError);
		const json = JSON.parse(file) as { ciphertext: string; kdf: { id: string } };
		const changed = JSON.stringify({
			...json,
			ciphertext: (json.ciphertext[3] === 'A' ? 'B' : 'A') + json.ciphertext.slice(1)
		});
		await expect(openEnvelopeWithKey(changed, k.secret)).rejects.toBeInstanceOf(DamagedError);
		const relabelled = JSON.stringify({ ...json, kdf: { ...json.kdf, id: other.id } });
		await expect(openEnvelopeWithKey(relabelled, k.secret)).rejects.toBeInstanceOf(DamagedError);
		expect(k.secret.some((b) => b !== 0)).toBe(true);
		expect((await openEnvelopeWithKey(file, k.secret)).text()).toBe(PACKAGE);
	});

	it('is not opened by the key path when it was sealed with a passphrase', async () => {
		const file = await sealEnvelope(PACKAGE, 'tabby cruelty rotunda unlatch', {
			...CHEAP_KDF,
			kind: 'team-package'
		});
		expect(envelopeLock(readEnvelope(file))).toEqual({ type: 'passphrase' });
		await expect(openEnvelopeWithKey(file, (await key()).secret)).rejects.toBeInstanceOf(
			WrongPassphraseError
		);
	});
});
