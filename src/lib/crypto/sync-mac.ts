import { toBase64, utf8, wipe } from './bytes';
import { hmacSha256 } from './sha256';

/**
 * A MAC that runs synchronously: HMAC-SHA-256 (sha256.ts, plain script) under a key derived with
 * HKDF from the data key's base. For tags that must be made inside an IndexedDB transaction,
 * where awaiting WebCrypto would end it (db/rollback-guard.ts). Its 32 bytes are held in script
 * memory while the workspace is unlocked and wiped by `forget()` at lock; they cannot decrypt
 * anything. Tags are cut to 128 bits.
 */
export interface SyncMac {
	/** The tag of the parts, each length-prefixed so no two lists of parts give the same input. */
	tag(parts: readonly (string | Uint8Array)[]): string;
	forget(): void;
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
	let key: Uint8Array | null = raw;
	return {
		tag(parts) {
			if (!key) throw new Error('The key is gone (locked)');
			const chunks: Uint8Array[] = [];
			for (const part of parts) {
				const bytes = typeof part === 'string' ? utf8(part) : part;
				const length = new Uint8Array(4);
				new DataView(length.buffer).setUint32(0, bytes.length);
				chunks.push(length, bytes);
			}
			return toBase64(hmacSha256(key, ...chunks).subarray(0, TAG_BYTES));
		},
		forget() {
			if (key) wipe(key);
			key = null;
		}
	};
}

/** XOR of two tags (base64), for an accumulator whose value does not depend on write order. */
export function xorTags(a: string, b: string): string {
	const x = Uint8Array.from(atob(a), (c) => c.charCodeAt(0));
	const y = Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
	return toBase64(x.map((v, i) => v ^ (y[i] ?? 0)));
}

export const ZERO_TAG = toBase64(new Uint8Array(TAG_BYTES));
