import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { openEnvelope, readEnvelope, sealEnvelope, isEnvelope } from './envelope';
import { DamagedError, UnsupportedVersionError, WrongPassphraseError } from './errors';
import { CHEAP_KDF } from '$lib/testing/crypto';

const PASS = 'tabby cruelty rotunda unlatch';
const backup = JSON.stringify({
	format: 'stedsans-backup',
	records: { notes: [{ text: 'MARKERORD' }] }
});

const reason = async (text: string, passphrase = PASS) =>
	openEnvelope(text, passphrase).then(
		() => 'opened',
		(e: Error) => (e instanceof DamagedError ? `damaged:${e.reason}` : e.name)
	);

/** Changes one base64 character of a field, keeping the file valid JSON and valid base64. */
function flip(text: string, field: 'ciphertext' | 'iv' | 'check', at = 5): string {
	const json = JSON.parse(text) as Record<string, string>;
	const v = json[field]!;
	json[field] = v.slice(0, at) + (v[at] === 'A' ? 'B' : 'A') + v.slice(at + 1);
	return JSON.stringify(json);
}

describe('encrypted export envelope', () => {
	it('round-trips text and bytes', async () => {
		const file = await sealEnvelope(backup, PASS, { ...CHEAP_KDF, kind: 'backup' });
		expect(isEnvelope(file)).toBe(true);
		expect(isEnvelope(backup)).toBe(false);
		expect(file).not.toContain('MARKERORD');
		const opened = await openEnvelope(file, PASS);
		expect(opened.kind).toBe('backup');
		expect(opened.text()).toBe(backup);
		const bytes = Uint8Array.of(0, 1, 2, 255);
		const package_ = await sealEnvelope(bytes, PASS, { ...CHEAP_KDF, kind: 'team-package' });
		expect(Array.from((await openEnvelope(package_, PASS)).content)).toEqual([0, 1, 2, 255]);
	});

	it('records its KDF, salt and IV, and differs every time', async () => {
		const a = readEnvelope(await sealEnvelope(backup, PASS, CHEAP_KDF));
		const b = readEnvelope(await sealEnvelope(backup, PASS, CHEAP_KDF));
		expect(a).toMatchObject({ format: 'stedsans-envelope', version: 1, kdf: { alg: 'argon2id' } });
		expect(a.kdf.salt).not.toBe(b.kdf.salt);
		expect(a.ciphertext).not.toBe(b.ciphertext);
	});

	it('uses Argon2id at the default cost unless told otherwise', async () => {
		const calls: number[] = [];
		const argon2 = async (i: { m: number; hashLength: number }) => (
			calls.push(i.m),
			new Uint8Array(i.hashLength)
		);
		const file = readEnvelope(await sealEnvelope(backup, PASS, { argon2, wasm: true }));
		expect(file.kdf).toMatchObject({ alg: 'argon2id', m: 65536, t: 3, p: 1 });
	});

	it('tells a wrong passphrase from a damaged file', async () => {
		const file = await sealEnvelope(backup, PASS, CHEAP_KDF);
		expect(await reason(file, 'tabby cruelty rotunda unlatched')).toBe('WrongPassphraseError');
		expect(await reason(flip(file, 'ciphertext'))).toBe('damaged:tampered');
		expect(await reason(flip(file, 'ciphertext', 60))).toBe('damaged:tampered');
		expect(await reason(flip(file, 'iv'))).toBe('damaged:tampered');
		const edited = JSON.stringify({ ...JSON.parse(file), kind: 'team-package' });
		expect(await reason(edited)).toBe('damaged:tampered');
		expect(await reason(file.slice(0, file.length / 2))).toBe('damaged:not-json');
		expect(await reason(backup)).toBe('damaged:wrong-format');
		expect(await reason(JSON.stringify({ ...JSON.parse(file), iv: undefined }))).toBe(
			'damaged:invalid'
		);
		expect(await reason('[]')).toBe('damaged:wrong-format');
		expect(await reason(JSON.stringify({ ...JSON.parse(file), version: 9 }))).toBe(
			'UnsupportedVersionError'
		);
	});

	it('throws typed errors', async () => {
		const file = await sealEnvelope(utf8('x'), PASS, CHEAP_KDF);
		await expect(openEnvelope(file, 'nope')).rejects.toBeInstanceOf(WrongPassphraseError);
		await expect(openEnvelope(flip(file, 'ciphertext'), PASS)).rejects.toBeInstanceOf(DamagedError);
		expect(() => readEnvelope(JSON.stringify({ ...JSON.parse(file), version: 2 }))).toThrow(
			UnsupportedVersionError
		);
	});

	it('falls back to PBKDF2 where there is no WebAssembly, and opens with it', async () => {
		const file = await sealEnvelope(backup, PASS, { wasm: false });
		expect(readEnvelope(file).kdf).toMatchObject({ alg: 'pbkdf2-sha256', iterations: 600_000 });
		expect((await openEnvelope(file, PASS)).text()).toBe(backup);
	});
});
