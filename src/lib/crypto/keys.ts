import { z } from 'zod';
import { dayOf } from '$lib/domain/records/day';
import { fromBase64, randomBytes, toBase64, utf8, wipe, type Bytes } from './bytes';
import {
	DamagedError,
	UnsupportedVersionError,
	WrongPassphraseError,
	WrongRecoveryKeyError
} from './errors';
import { deriveNewSecret, deriveSecret, KdfParams, SALT_BYTES, type KdfOptions } from './kdf';
import { assertAffordable } from './kdf-params';
import { checkMatches, splitSecret, type KeyEncryptionKey } from './kek';
import { generateRecoveryKey, parseRecoveryKey } from './recovery';

/**
 * The data key and the record that keeps it. One random 256-bit AES-GCM data key seals every
 * payload; it is stored only wrapped (AES-256-GCM under a key-encryption key), once under the
 * passphrase and once under the recovery key. Changing the passphrase rewraps these 32 bytes and
 * touches no record, so it takes the same time for 10 records or 10 million.
 */

/**
 * The key file is in the clear: when it was made and changed is kept to the day (UTC midnight),
 * so it says nothing of the hour the workspace was used (issue 16).
 */

export const KEY_FILE_FORMAT = 'stedsans-keys';
export const KEY_FILE_VERSION = 1;

const b64 = (bytes: number) =>
	z.base64().refine((s) => s.length === Math.ceil(bytes / 3) * 4, `must be ${bytes} bytes`);

/** One wrapped copy: 12-byte IV, 32-byte key + 16-byte GCM tag, 16-byte check value. */
const Wrapped = z.object({ iv: b64(12), wrapped: b64(48), check: b64(16) });

export const KeyFile = z.object({
	format: z.literal(KEY_FILE_FORMAT),
	version: z.literal(KEY_FILE_VERSION),
	/** Random; bound into both wraps, so a copy cannot be swapped in from another key file. */
	keyId: b64(16),
	createdAt: z.number().int().min(0),
	changedAt: z.number().int().min(0),
	passphrase: Wrapped.extend({ kdf: KdfParams }),
	recovery: Wrapped.extend({ salt: b64(SALT_BYTES) })
});
export type KeyFile = z.infer<typeof KeyFile>;

/** Checks a stored key file from the outside in. */
export function parseKeyFile(value: unknown): KeyFile {
	if (typeof value !== 'object' || value === null) throw new DamagedError('key-file', 'invalid');
	const { format, version } = value as { format?: unknown; version?: unknown };
	if (format !== KEY_FILE_FORMAT) throw new DamagedError('key-file', 'wrong-format');
	if (typeof version === 'number' && version > KEY_FILE_VERSION)
		throw new UnsupportedVersionError('key-file', version);
	assertAffordable('key-file', (value as { passphrase?: { kdf?: unknown } }).passphrase?.kdf);
	const parsed = KeyFile.safeParse(value);
	if (!parsed.success)
		throw new DamagedError('key-file', 'invalid', parsed.error.issues[0]?.path.join('.'));
	return parsed.data;
}

const subtle = () => globalThis.crypto.subtle;
const DATA_KEY = { name: 'AES-GCM', length: 256 } as const;
type Slot = 'passphrase' | 'recovery';
const aad = (keyId: string, slot: Slot) =>
	utf8(`${KEY_FILE_FORMAT}/v${KEY_FILE_VERSION}/${keyId}/${slot}`);

async function wrap(raw: Bytes, k: KeyEncryptionKey, keyId: string, slot: Slot) {
	const iv = randomBytes(12); // NIST SP 800-38D §8.2.2: random 96-bit IV, fresh per wrap
	const wrapped = await subtle().encrypt(
		{ name: 'AES-GCM', iv, additionalData: aad(keyId, slot) },
		k.kek,
		raw
	);
	return { iv: toBase64(iv), wrapped: toBase64(new Uint8Array(wrapped)), check: toBase64(k.check) };
}

type WrappedCopy = z.infer<typeof Wrapped>;

function assertCheck(copy: WrappedCopy, k: KeyEncryptionKey, slot: Slot): void {
	if (checkMatches(fromBase64(copy.check), k.check)) return;
	throw slot === 'passphrase'
		? new WrongPassphraseError()
		: new WrongRecoveryKeyError('not-this-key');
}

const gcm = (copy: WrappedCopy, keyId: string, slot: Slot) => ({
	name: 'AES-GCM',
	iv: fromBase64(copy.iv),
	additionalData: aad(keyId, slot)
});

/**
 * The data key, opened: the AES-GCM key that seals payloads, and the same 32 bytes as an HKDF
 * base from which the keys for authenticating stored state are derived (crypto/state-mac.ts), so
 * one secret is never used by two algorithms directly. Both non-extractable: script can use them
 * but never read them out.
 */
export interface DataKeys {
	dataKey: CryptoKey;
	derivable: CryptoKey;
}

const HKDF_BASE = ['HKDF', false, ['deriveKey', 'deriveBits']] as const;

async function unwrap(
	copy: WrappedCopy,
	k: KeyEncryptionKey,
	keyId: string,
	slot: Slot
): Promise<DataKeys> {
	assertCheck(copy, k, slot);
	const as = (alg: string | AesKeyAlgorithm, usages: KeyUsage[]) =>
		subtle().unwrapKey(
			'raw',
			fromBase64(copy.wrapped),
			k.kek,
			gcm(copy, keyId, slot),
			alg,
			false,
			usages
		);
	try {
		return {
			dataKey: await as(DATA_KEY, ['encrypt', 'decrypt']),
			derivable: await as(HKDF_BASE[0], [...HKDF_BASE[2]])
		};
	} catch {
		throw new DamagedError('key-file', 'tampered', slot);
	}
}

/** The raw data key, only for rewrapping; the caller wipes it. */
async function unwrapRaw(copy: WrappedCopy, k: KeyEncryptionKey, keyId: string, slot: Slot) {
	assertCheck(copy, k, slot);
	try {
		return new Uint8Array(
			await subtle().decrypt(gcm(copy, keyId, slot), k.kek, fromBase64(copy.wrapped))
		);
	} catch {
		throw new DamagedError('key-file', 'tampered', slot);
	}
}

async function passphraseKek(passphrase: string, kdf: KdfParams, options?: KdfOptions) {
	const secret = await deriveSecret(passphrase, kdf, options);
	try {
		return await splitSecret(secret);
	} finally {
		wipe(secret);
	}
}

async function recoveryKek(recoveryKey: string, salt: string) {
	const { secret } = parseRecoveryKey(recoveryKey);
	try {
		return await splitSecret(secret, fromBase64(salt));
	} finally {
		wipe(secret);
	}
}

async function wrapForPassphrase(
	raw: Bytes,
	passphrase: string,
	keyId: string,
	options?: KdfOptions
) {
	const { params, secret } = await deriveNewSecret(passphrase, options);
	try {
		return { ...(await wrap(raw, await splitSecret(secret), keyId, 'passphrase')), kdf: params };
	} finally {
		wipe(secret);
	}
}

async function wrapForRecovery(raw: Bytes, keyId: string) {
	const recoveryKey = generateRecoveryKey();
	const salt = randomBytes(SALT_BYTES);
	try {
		const k = await splitSecret(recoveryKey.secret, salt);
		const copy = { ...(await wrap(raw, k, keyId, 'recovery')), salt: toBase64(salt) };
		return { copy, text: recoveryKey.text };
	} finally {
		wipe(recoveryKey.secret);
	}
}

export interface NewKeys extends DataKeys {
	file: KeyFile;
	/** Shown once, to print or save; never stored. */
	recoveryKey: string;
}

/** First run: a new data key, wrapped under the passphrase and a new recovery key. */
export async function createKeys(
	passphrase: string,
	options: KdfOptions & { now?: number } = {}
): Promise<NewKeys> {
	const raw = randomBytes(32);
	try {
		const keyId = toBase64(randomBytes(16));
		const now = dayOf(options.now ?? Date.now());
		const recovery = await wrapForRecovery(raw, keyId);
		const file: KeyFile = {
			format: KEY_FILE_FORMAT,
			version: KEY_FILE_VERSION,
			keyId,
			createdAt: now,
			changedAt: now,
			passphrase: await wrapForPassphrase(raw, passphrase, keyId, options),
			recovery: recovery.copy
		};
		const dataKey = await subtle().importKey('raw', raw, DATA_KEY, false, ['encrypt', 'decrypt']);
		const derivable = await subtle().importKey('raw', raw, HKDF_BASE[0], false, [...HKDF_BASE[2]]);
		return { file, dataKey, derivable, recoveryKey: recovery.text };
	} finally {
		wipe(raw);
	}
}

export async function unlockWithPassphrase(
	stored: unknown,
	passphrase: string,
	options?: KdfOptions
): Promise<DataKeys> {
	const file = parseKeyFile(stored);
	const k = await passphraseKek(passphrase, file.passphrase.kdf, options);
	return unwrap(file.passphrase, k, file.keyId, 'passphrase');
}

export async function unlockWithRecoveryKey(
	stored: unknown,
	recoveryKey: string
): Promise<DataKeys> {
	const file = parseKeyFile(stored);
	const k = await recoveryKek(recoveryKey, file.recovery.salt);
	return unwrap(file.recovery, k, file.keyId, 'recovery');
}

/** Rewraps the data key under a new passphrase (fresh salt, KDF chosen anew); no record changes. */
export async function changePassphrase(
	stored: unknown,
	oldPassphrase: string,
	newPassphrase: string,
	options: KdfOptions & { now?: number } = {}
): Promise<KeyFile> {
	const file = parseKeyFile(stored);
	const k = await passphraseKek(oldPassphrase, file.passphrase.kdf, options);
	const raw = await unwrapRaw(file.passphrase, k, file.keyId, 'passphrase');
	try {
		const passphrase = await wrapForPassphrase(raw, newPassphrase, file.keyId, options);
		return { ...file, passphrase, changedAt: dayOf(options.now ?? Date.now()) };
	} finally {
		wipe(raw);
	}
}

/** Forgotten passphrase: the recovery key opens the data key, which is rewrapped under a new one. */
export async function resetPassphrase(
	stored: unknown,
	recoveryKey: string,
	newPassphrase: string,
	options: KdfOptions & { now?: number } = {}
): Promise<KeyFile> {
	const file = parseKeyFile(stored);
	const k = await recoveryKek(recoveryKey, file.recovery.salt);
	const raw = await unwrapRaw(file.recovery, k, file.keyId, 'recovery');
	try {
		const passphrase = await wrapForPassphrase(raw, newPassphrase, file.keyId, options);
		return { ...file, passphrase, changedAt: dayOf(options.now ?? Date.now()) };
	} finally {
		wipe(raw);
	}
}

/** A new recovery key (the old one stops working), after proving the passphrase. */
export async function replaceRecoveryKey(
	stored: unknown,
	passphrase: string,
	options: KdfOptions & { now?: number } = {}
): Promise<{ file: KeyFile; recoveryKey: string }> {
	const file = parseKeyFile(stored);
	const k = await passphraseKek(passphrase, file.passphrase.kdf, options);
	const raw = await unwrapRaw(file.passphrase, k, file.keyId, 'passphrase');
	try {
		const recovery = await wrapForRecovery(raw, file.keyId);
		return {
			file: { ...file, recovery: recovery.copy, changedAt: dayOf(options.now ?? Date.now()) },
			recoveryKey: recovery.text
		};
	} finally {
		wipe(raw);
	}
}
