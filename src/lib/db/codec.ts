/**
 * The single place where record content is turned into what is stored, and back.
 * Identity for now; the encryption issue swaps in an AES-GCM codec here and nothing else changes.
 * The context (table, id, schema version) is what an authenticated cipher binds as additional data.
 */
export interface SealContext {
	table: string;
	id: string;
	v: number;
}

export interface PayloadCodec {
	readonly name: string;
	seal(ctx: SealContext, content: object): Promise<unknown>;
	open(ctx: SealContext, stored: unknown): Promise<unknown>;
}

export const identityCodec: PayloadCodec = {
	name: 'identity',
	seal: async (_ctx, content) => content,
	open: async (_ctx, stored) => stored
};

let active: PayloadCodec = identityCodec;

export function useCodec(codec: PayloadCodec): void {
	active = codec;
}

// Promise.resolve(): Dexie's rule for non-Dexie async work inside a liveQuery querier
// (https://dexie.org/docs/dexie-react-hooks/useLiveQuery()), which matters once this is WebCrypto.
export function seal(ctx: SealContext, content: object): Promise<unknown> {
	return Promise.resolve(active.seal(ctx, content));
}

export function open(ctx: SealContext, stored: unknown): Promise<unknown> {
	return Promise.resolve(active.open(ctx, stored));
}
