import type { KdfOptions } from '$lib/crypto/kdf';

/**
 * Test-only: a cheap Argon2id cost (1 MiB, t = 1) so a test file runs in seconds. Never used by
 * the app; `keys.test.ts` runs the real default parameters once and reports the time.
 */
export const CHEAP_KDF: KdfOptions = { chain: [{ m: 1024, t: 1, p: 1 }] };

/** Whether `needle` occurs anywhere in `haystack` (for "the plaintext is nowhere in the output"). */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
		return true;
	}
	return false;
}
