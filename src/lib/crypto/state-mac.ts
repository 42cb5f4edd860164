import { fromBase64, toBase64, utf8 } from './bytes';

/**
 * Authenticating what is stored beside the sealed records: HMAC-SHA-256 (RFC 2104) under a key
 * derived with HKDF-SHA256 from the data key's HKDF base (keys.ts `DataKeys.derivable`), one key
 * per purpose (`label`). Someone who can write to storage but has no passphrase can change the
 * vault's state, but cannot make a tag that verifies: the change is seen after the next unlock.
 */
const subtle = () => globalThis.crypto.subtle;
const NO_SALT = new Uint8Array(32);

export type MacPurpose = 'vault-state';

export function deriveMacKey(derivable: CryptoKey, purpose: MacPurpose): Promise<CryptoKey> {
	return subtle().deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: NO_SALT, info: utf8(`stedsans/mac/${purpose}/v1`) },
		derivable,
		{ name: 'HMAC', hash: 'SHA-256', length: 256 },
		false,
		['sign', 'verify']
	);
}

/**
 * One text for a JSON value, whatever the order its keys were written in: objects' keys sorted,
 * so the same state always gives the same tag (IndexedDB does not promise key order back).
 */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/** The tag of a JSON value (base64). */
export async function macOf(key: CryptoKey, value: unknown): Promise<string> {
	return toBase64(new Uint8Array(await subtle().sign('HMAC', key, utf8(canonicalJson(value)))));
}

/** Whether `tag` is the tag of `value` (compared in constant time by WebCrypto). */
export async function macMatches(key: CryptoKey, value: unknown, tag: unknown): Promise<boolean> {
	if (typeof tag !== 'string') return false;
	let bytes: Uint8Array<ArrayBuffer>;
	try {
		bytes = fromBase64(tag);
	} catch {
		return false;
	}
	return subtle().verify('HMAC', key, bytes, utf8(canonicalJson(value)));
}
