import { equalBytes, type Bytes } from './bytes';

/**
 * Turns a derived secret (Argon2id/PBKDF2 output, or a recovery key) into two independent values
 * with HKDF-SHA256 (RFC 5869; NIST SP 800-56C): a key-encryption key (AES-256-GCM, usable only to
 * wrap and unwrap) and a 16-byte check value. The check tells a wrong passphrase from a damaged
 * file: an authenticated cipher alone fails the same way for both. It gives an attacker nothing the
 * ciphertext does not: either one lets a guess be tested, at the full cost of the KDF.
 */
export interface KeyEncryptionKey {
	kek: CryptoKey;
	check: Bytes;
}

const subtle = () => globalThis.crypto.subtle;
const info = (label: string) => new TextEncoder().encode(`stedsans/${label}/v1`);
const NO_SALT = new Uint8Array(32);

export async function splitSecret(secret: Bytes, salt: Bytes = NO_SALT): Promise<KeyEncryptionKey> {
	const base = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveKey', 'deriveBits']);
	const kek = await subtle().deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt, info: info('kek') },
		base,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']
	);
	const check = new Uint8Array(
		await subtle().deriveBits(
			{ name: 'HKDF', hash: 'SHA-256', salt, info: info('check') },
			base,
			128
		)
	);
	return { kek, check };
}

export function checkMatches(expected: Uint8Array, actual: Uint8Array): boolean {
	return equalBytes(expected, actual);
}
