import type { SealContext } from './seal';

export type { SealContext };

/**
 * What turns a record's content into what is stored, and back. It is declared here, below the
 * database, so the AES codec (aes-codec.ts) implements it without importing db/; db/codec.ts
 * holds the one active codec.
 */
export interface PayloadCodec {
	readonly name: string;
	/** True while the keys are dropped: every seal and open throws until unlocked. */
	readonly locked?: boolean;
	seal(ctx: SealContext, content: object): Promise<unknown>;
	open(ctx: SealContext, stored: unknown): Promise<unknown>;
}
