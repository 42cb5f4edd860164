import { toBase64, utf8, wipe } from './bytes';
import { hmacSha256With } from './sha256';

/**
 * A MAC that runs synchronously: HMAC-SHA-256 (sha256.ts, plain script) under a key derived with
 * HKDF from the data key's base. For tags that must be made inside an IndexedDB transaction,
 * where awaiting WebCrypto would end it (db/rollback-guard.ts). The HMAC's two key states (which
 * stand in for the 32-byte key, wiped once they are made) are held in script memory while the
 * workspace is unlocked and wiped by `forget()` at lock; they cannot decrypt anything. Tags are
 * cut to 128 bits.
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
	let keyed: ReturnType<typeof hmacSha256With> | null = hmacSha256With(raw);
	wipe(raw);
	return {
		tag(parts) {
			if (!keyed) throw new Error('The key is gone (locked)');
			const chunks: Uint8Array[] = [];
			for (const part of parts) {
				const bytes = typeof part === 'string' ? utf8(part) : part;
				const length = new Uint8Array(4);
				new DataView(length.buffer).setUint32(0, bytes.length);
				chunks.push(length, bytes);
			}
			return toBase64(keyed.mac(...chunks).subarray(0, TAG_BYTES));
		},
		forget() {
			keyed?.wipe();
			keyed = null;
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
