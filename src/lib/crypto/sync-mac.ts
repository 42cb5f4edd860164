import { concatBytes, toBase64, utf8, wipe } from './bytes';
import { hmacSha256With } from './sha256';

/**
 * A MAC that runs synchronously: HMAC-SHA-256 (sha256.ts, plain script) under a key derived with
 * HKDF from the data key's base. For tags that must be made inside an IndexedDB transaction,
 * where awaiting WebCrypto would end it (db/rollback-guard.ts). The HMAC's two key states (which
 * stand in for the 32-byte key, wiped once they are made) are held in script memory while the
 * workspace is unlocked and wiped by `forget()` at lock; they cannot decrypt anything. Tags are
 * cut to 128 bits. The same tags can be made ahead of a transaction with WebCrypto (`tagAsync`,
 * under a non-extractable key of the same bits), off the main thread, for large writes.
 */
export interface SyncMac {
	/** The tag of the parts, each length-prefixed so no two lists of parts give the same input. */
	tag(parts: readonly (string | Uint8Array)[]): string;
	/** The same tag, made by WebCrypto. */
	tagAsync(parts: readonly (string | Uint8Array)[]): Promise<string>;
	forget(): void;
}

/** The parts as one message, each behind its length (4 bytes, big-endian). */
function message(parts: readonly (string | Uint8Array)[]): Uint8Array[] {
	const chunks: Uint8Array[] = [];
	for (const part of parts) {
		const bytes = typeof part === 'string' ? utf8(part) : part;
		const length = new Uint8Array(4);
		new DataView(length.buffer).setUint32(0, bytes.length);
		chunks.push(length, bytes);
	}
	return chunks;
}

const TAG_BYTES = 16;

export async function deriveSyncMac(
	derivable: CryptoKey,
	purpose: 'rollback' | 'index'
): Promise<SyncMac> {
	const raw = new Uint8Array(
		await globalThis.crypto.subtle.deriveBits(
			{
				name: 'HKDF',
				hash: 'SHA-256',
				salt: new Uint8Array(32),
				info: utf8(`stedsans/mac/${purpose}/v1`)
			},
			derivable,
			256
		)
	);
	let keyed: ReturnType<typeof hmacSha256With> | null = hmacSha256With(raw);
	let web: CryptoKey | null = await globalThis.crypto.subtle.importKey(
		'raw',
		raw,
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign']
	);
	wipe(raw);
	const gone = () => new Error('The key is gone (locked)');
	return {
		tag(parts) {
			if (!keyed) throw gone();
			return toBase64(keyed.mac(...message(parts)).subarray(0, TAG_BYTES));
		},
		async tagAsync(parts) {
			if (!web) throw gone();
			const full = await globalThis.crypto.subtle.sign('HMAC', web, concatBytes(...message(parts)));
			return toBase64(new Uint8Array(full, 0, TAG_BYTES));
		},
		forget() {
			keyed?.wipe();
			keyed = null;
			web = null;
		}
	};
}

/** XOR of two tags (base64), for an accumulator whose value does not depend on write order. */
export function xorTags(a: string, b: string): string {
	const x = tagBytes(a);
	xorInto(x, b);
	return toBase64(x);
}

/** A tag's bytes, for `xorInto` over many tags without a base64 round trip for each. */
export function tagBytes(tag: string): Uint8Array {
	return Uint8Array.from(atob(tag), (c) => c.charCodeAt(0));
}

/** XORs a tag (base64) into `acc` in place. */
export function xorInto(acc: Uint8Array, tag: string): void {
	const y = atob(tag);
	for (let i = 0; i < acc.length && i < y.length; i++) acc[i]! ^= y.charCodeAt(i);
}

export const ZERO_TAG = toBase64(new Uint8Array(TAG_BYTES));
