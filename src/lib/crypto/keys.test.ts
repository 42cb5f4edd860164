import { describe, expect, it } from 'vitest';
import {
	DamagedError,
	KdfTooCostlyError,
	UnsupportedVersionError,
	WrongPassphraseError,
	WrongRecoveryKeyError
} from './errors';
import {
	changePassphrase,
	createKeys,
	KeyFile,
	parseKeyFile,
	replaceRecoveryKey,
	resetPassphrase,
	unlockWithPassphrase,
	unlockWithRecoveryKey
} from './keys';
import { openJson, sealJson } from './seal';
import { CHEAP_KDF } from '$lib/testing/crypto';

const PASS = 'tabby cruelty rotunda unlatch';
const NEW_PASS = 'radiance mummy opium childcare';
const ctx = (i: number) => ({ table: 'notes', id: `note-${i}`, v: 1 });

async function sealRecords(key: CryptoKey, n: number) {
	return Promise.all(
		Array.from({ length: n }, (_, i) => sealJson(key, ctx(i), { text: `note ${i}` }))
	);
}

describe('keys', () => {
	it('creates a key file that is plain JSON and unlocks with the passphrase', async () => {
		const { file, dataKey, recoveryKey } = await createKeys(PASS, CHEAP_KDF);
		const stored = JSON.parse(JSON.stringify(file));
		expect(KeyFile.parse(stored)).toEqual(file);
		expect(recoveryKey).toMatch(/^(\w{4}-){6}\w{4}$/);
		const sealed = await sealJson(dataKey, ctx(1), { text: 'hello' });
		const { dataKey: unlocked } = await unlockWithPassphrase(stored, PASS);
		expect(await openJson(unlocked, ctx(1), sealed)).toEqual({ text: 'hello' });
	});

	it('keeps the data key non-extractable', async () => {
		const { file, dataKey } = await createKeys(PASS, CHEAP_KDF);
		expect(dataKey.extractable).toBe(false);
		const unlocked = await unlockWithPassphrase(file, PASS);
		expect(unlocked.dataKey.extractable).toBe(false);
		expect(unlocked.derivable.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('raw', unlocked.dataKey)).rejects.toThrow();
		await expect(crypto.subtle.exportKey('raw', unlocked.derivable)).rejects.toThrow();
	});

	it('refuses a wrong passphrase without revealing anything', async () => {
		const { file } = await createKeys(PASS, CHEAP_KDF);
		const error = await unlockWithPassphrase(file, 'tabby cruelty rotunda unlatcH').catch((e) => e);
		expect(error).toBeInstanceOf(WrongPassphraseError);
		expect(error.message).toBe('The passphrase is not right');
		expect(Object.keys(error)).toEqual(['name']); // no key material, no hint hanging off it
		expect(String(error.stack)).not.toContain('unlatc');
	});

	it('unlocks with the recovery key, however it is typed', async () => {
		const { file, dataKey, recoveryKey } = await createKeys(PASS, CHEAP_KDF);
		const sealed = await sealJson(dataKey, ctx(2), { text: 'via recovery' });
		const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
		const { dataKey: key } = await unlockWithRecoveryKey(file, typed);
		expect(await openJson(key, ctx(2), sealed)).toEqual({ text: 'via recovery' });
	});

	it('refuses the recovery key of another key file', async () => {
		const a = await createKeys(PASS, CHEAP_KDF);
		const b = await createKeys(PASS, CHEAP_KDF);
		const error = await unlockWithRecoveryKey(a.file, b.recoveryKey).catch((e) => e);
		expect(error).toBeInstanceOf(WrongRecoveryKeyError);
		expect(error.problem).toBe('not-this-key');
	});

	it('changes the passphrase by rewrapping only: old data readable, old passphrase refused', async () => {
		const { file, dataKey, recoveryKey } = await createKeys(PASS, CHEAP_KDF);
		const sealed = await sealRecords(dataKey, 20);
		const changed = await changePassphrase(file, PASS, NEW_PASS, CHEAP_KDF);
		expect(changed.recovery).toEqual(file.recovery);
		expect(changed.passphrase.kdf.salt).not.toBe(file.passphrase.kdf.salt);
		await expect(unlockWithPassphrase(changed, PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
		const { dataKey: key } = await unlockWithPassphrase(changed, NEW_PASS);
		expect(await openJson(key, ctx(19), sealed[19])).toEqual({ text: 'note 19' });
		expect(
			await openJson((await unlockWithRecoveryKey(changed, recoveryKey)).dataKey, ctx(0), sealed[0])
		).toEqual({ text: 'note 0' });
		await expect(changePassphrase(file, 'wrong', NEW_PASS, CHEAP_KDF)).rejects.toBeInstanceOf(
			WrongPassphraseError
		);
	});

	// Its time, the same over 10 or 10,000 records, is a benchmark: keys.bench.ts.
	it('changes the passphrase of a workspace of 10,000 records: every one opens with the new one', async () => {
		const n = 10_000;
		const { file, dataKey } = await createKeys(PASS, CHEAP_KDF);
		const sealed = await sealRecords(dataKey, n);
		const changed = await changePassphrase(file, PASS, NEW_PASS, CHEAP_KDF);
		const { dataKey: key } = await unlockWithPassphrase(changed, NEW_PASS);
		const opened = await Promise.all(sealed.map((s, i) => openJson(key, ctx(i), s)));
		expect(opened[n - 1]).toEqual({ text: `note ${n - 1}` });
		expect(opened.every((o, i) => (o as { text: string }).text === `note ${i}`)).toBe(true);
	});

	it('resets a forgotten passphrase with the recovery key', async () => {
		const { file, dataKey, recoveryKey } = await createKeys(PASS, CHEAP_KDF);
		const [sealed] = await sealRecords(dataKey, 1);
		const reset = await resetPassphrase(file, recoveryKey, NEW_PASS, CHEAP_KDF);
		const { dataKey: key } = await unlockWithPassphrase(reset, NEW_PASS);
		expect(await openJson(key, ctx(0), sealed)).toEqual({ text: 'note 0' });
	});

	it('replaces the recovery key: the old one stops working', async () => {
		const { file, recoveryKey } = await createKeys(PASS, CHEAP_KDF);
		const next = await replaceRecoveryKey(file, PASS, CHEAP_KDF);
		expect(next.recoveryKey).not.toBe(recoveryKey);
		await expect(unlockWithRecoveryKey(next.file, recoveryKey)).rejects.toBeInstanceOf(
			WrongRecoveryKeyError
		);
		await expect(unlockWithRecoveryKey(next.file, next.recoveryKey)).resolves.toBeDefined();
	});

	it('tells a damaged or foreign key file from a wrong passphrase', async () => {
		const { file } = await createKeys(PASS, CHEAP_KDF);
		const flipped = structuredClone(file);
		const w = flipped.passphrase.wrapped;
		flipped.passphrase.wrapped = (w[0] === 'A' ? 'B' : 'A') + w.slice(1);
		await expect(unlockWithPassphrase(flipped, PASS)).rejects.toMatchObject({
			name: 'DamagedError',
			reason: 'tampered'
		});
		// The wrapped copy is bound to its key file: one moved from another file does not open.
		const other = await createKeys(PASS, CHEAP_KDF);
		const swapped = { ...file, passphrase: other.file.passphrase };
		await expect(unlockWithPassphrase(swapped, PASS)).rejects.toBeInstanceOf(DamagedError);
		expect(() => parseKeyFile({ ...file, version: 2 })).toThrow(UnsupportedVersionError);
		expect(() => parseKeyFile({ ...file, format: 'x' })).toThrow(DamagedError);
		expect(() => parseKeyFile({ ...file, keyId: 'short' })).toThrow(DamagedError);
		expect(() => parseKeyFile(null)).toThrow(DamagedError);
		// A hostile file cannot ask for gigabytes of memory: refused as too costly, before any work.
		const greedy = {
			...file,
			passphrase: { ...file.passphrase, kdf: { ...file.passphrase.kdf, m: 4 * 1024 * 1024 } }
		};
		expect(() => parseKeyFile(greedy)).toThrow(KdfTooCostlyError);
	});

	it('stores PBKDF2 parameters where there is no WebAssembly, and unlocks with them', async () => {
		const { file } = await createKeys(PASS, { wasm: false });
		expect(file.passphrase.kdf).toMatchObject({ alg: 'pbkdf2-sha256', iterations: 600_000 });
		await expect(unlockWithPassphrase(file, PASS, { wasm: false })).resolves.toBeDefined();
	});

	// How long these take is a benchmark (crypto.bench.ts, unlock ≤ 10 s).
	it('runs the real default parameters (Argon2id 64 MiB, t = 3, p = 1)', async () => {
		const { file } = await createKeys(PASS);
		expect(file.passphrase.kdf).toMatchObject({ alg: 'argon2id', m: 65536, t: 3, p: 1 });
		await expect(unlockWithPassphrase(file, PASS)).resolves.toBeDefined();
		await expect(changePassphrase(file, PASS, NEW_PASS)).resolves.toBeDefined();
	});
});
