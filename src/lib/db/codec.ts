import type { PayloadCodec, SealContext } from '$lib/crypto/codec';
import { ChangedOutsideError } from '$lib/crypto/errors';

/**
 * The single place where record content is turned into what is stored, and back. The own
 * workspace uses the AES-256-GCM codec (crypto/aes-codec.ts, wired by features/vault/vault.service.ts);
 * the demo workspace, which holds only synthetic data, the identity codec.
 * The context (table, id, schema version) is what the authenticated cipher binds as additional data.
 */
export type { PayloadCodec, SealContext };

export const identityCodec: PayloadCodec = {
	name: 'identity',
	seal: async (_ctx, content) => content,
	open: async (_ctx, stored) => stored
};

let active: PayloadCodec = identityCodec;

export function useCodec(codec: PayloadCodec): void {
	active = codec;
}

/** Whether records can be neither read nor written now (the workspace is locked). */
export function isLocked(): boolean {
	return active.locked === true;
}

// Promise.resolve(): Dexie's rule for non-Dexie async work inside a liveQuery querier
// (https://dexie.org/docs/dexie-react-hooks/useLiveQuery()), which matters once this is WebCrypto.
export function seal(ctx: SealContext, content: object): Promise<unknown> {
	return Promise.resolve(active.seal(ctx, content));
}

/** Told when a record turns out to have been changed outside the app (vault.svelte.ts listens). */
let onChangedOutside: ((e: ChangedOutsideError) => void) | null = null;

export function whenChangedOutside(listener: ((e: ChangedOutsideError) => void) | null): void {
	onChangedOutside = listener;
}

export function open(ctx: SealContext, stored: unknown): Promise<unknown> {
	return Promise.resolve(active.open(ctx, stored)).catch((e: unknown) => {
		if (e instanceof ChangedOutsideError) onChangedOutside?.(e);
		throw e;
	});
}
