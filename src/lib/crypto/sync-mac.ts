import { createHMAC, createSHA256, type IHasher } from 'hash-wasm';
import { toBase64, utf8, wipe } from './bytes';

/**
 * A MAC that runs synchronously: HMAC-SHA-256 (hash-wasm) under a key derived with HKDF from the
 * data key's base. For tags that must be made inside an IndexedDB transaction, where awaiting
 * WebCrypto would end it (db/rollback-guard.ts). The key lives in the hasher's WebAssembly memory
 * while the workspace is unlocked; `forget()` at lock lets the hasher (and that memory) go. It
 * cannot decrypt anything. Tags are cut to 128 bits.
 */
export interface SyncMac {
	/** The tag of the parts, each length-prefixed so no two lists of parts give the same input. */
	tag(parts: readonly (string | Uint8Array)[]): string;
	forget(): void;
}

const TAG_BYTES = 16;

export async function deriveSyncMac(derivable: CryptoKey, purpose: 'rollback'): Promise<SyncMac> {
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
	let hasher: IHasher | null;
	try {
		hasher = await createHMAC(createSHA256(), raw);
	} finally {
		wipe(raw);
	}
	const length = new Uint8Array(4);
	return {
		tag(parts) {
			if (!hasher) throw new Error('The key is gone (locked)');
			hasher.init();
			for (const part of parts) {
				const bytes = typeof part === 'string' ? utf8(part) : part;
				new DataView(length.buffer).setUint32(0, bytes.length);
				hasher.update(length);
				hasher.update(bytes);
			}
			return toBase64((hasher.digest('binary') as Uint8Array).subarray(0, TAG_BYTES));
		},
		forget() {
			hasher = null;
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
