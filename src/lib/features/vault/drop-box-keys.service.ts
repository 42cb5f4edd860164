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

/** Locking: the private key and the writer keys of earlier unlocks go; the public key and this unlock's writer key stay for deposits. */
export function closeDropBox(): void {
	if (keys) keys = { ...keys, privateKey: null, verifiers: [], acceptUntagged: false };
}

/** The workspace closes: nothing is kept. */
export function forgetDropBox(): void {
	keys = null;
}

export function dropBoxKeys(): DropBoxKeys | null {
	return keys;
}

/**
 * Told how many deposits an absorb refused (not made by this app since an unlock here), whoever
 * ran it: the unlock, or the recorder's own first write after it (vault.svelte.ts listens).
 */
let onRefused: ((count: number) => void) | null = null;

export function whenDepositsRefused(listener: ((count: number) => void) | null): void {
	onRefused = listener;
}

export function reportRefused(count: number): void {
	if (count > 0) onRefused?.(count);
}
