import type { DropBoxKeys } from '$lib/crypto/drop-box';

/**
 * The drop box keys of the open workspace (see crypto/drop-box.ts): both while unlocked, only
 * the public one while locked, so the recorder can go on writing fixes it cannot read back.
 * Kept apart from drop-box.service.ts, which loads with the recorder, so that holding the keys
 * costs the first screen nothing.
 */
let keys: DropBoxKeys | null = null;

export function holdDropBox(opened: DropBoxKeys): void {
	keys = opened;
}

/** Locking: the private key goes, the public key stays for deposits. */
export function closeDropBox(): void {
	if (keys) keys = { publicKey: keys.publicKey, privateKey: null };
}

/** The workspace closes: nothing is kept. */
export function forgetDropBox(): void {
	keys = null;
}

export function dropBoxKeys(): DropBoxKeys | null {
	return keys;
}
