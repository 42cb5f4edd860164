import type { PayloadCodec, SealContext } from './codec';
import type { Bytes } from './bytes';
import { ChangedOutsideError, LockedError } from './errors';
import { pack, unpack } from './pack';
import { isSealed, openBytes, sealBytes } from './seal';

export interface AesCodecOptions {
	/**
	 * Let `open` pass through payloads that are not sealed yet. Only for the migration that
	 * encrypts an existing workspace in batches; otherwise an unsealed payload is refused, since
	 * accepting one would let anyone who can write to storage plant a record.
	 */
	acceptPlaintext?: boolean;
}

/**
 * The codec that seals every record payload with AES-256-GCM under the data key held in memory.
 * `lock()` drops the key: the CryptoKey is non-extractable, so once no reference remains it is
 * gone, and every seal or open after that throws LockedError until `unlock(key)`.
 */
export class AesCodec implements PayloadCodec {
	readonly name = 'aes-256-gcm';
	#key: CryptoKey | null;
	#acceptPlaintext: boolean;

	constructor(key: CryptoKey | null = null, options: AesCodecOptions = {}) {
		this.#key = key;
		this.#acceptPlaintext = options.acceptPlaintext ?? false;
	}

	get locked(): boolean {
		return this.#key === null;
	}

	unlock(key: CryptoKey): void {
		this.#key = key;
	}

	lock(): void {
		this.#key = null;
	}

	/** Ends the migration window: from now on every payload must be sealed. */
	refusePlaintext(): void {
		this.#acceptPlaintext = false;
	}

	#requireKey(): CryptoKey {
		if (!this.#key) throw new LockedError();
		return this.#key;
	}

	async seal(ctx: SealContext, content: object): Promise<Bytes> {
		return sealBytes(this.#requireKey(), ctx, pack(content));
	}

	async open(ctx: SealContext, stored: unknown): Promise<unknown> {
		const key = this.#requireKey();
		if (!isSealed(stored)) {
			if (this.#acceptPlaintext && typeof stored === 'object' && stored !== null) return stored;
			// Only something outside the app writes a record in the clear here: a plant.
			throw new ChangedOutsideError('record', `${ctx.table}/${ctx.id}`);
		}
		return unpack(await openBytes(key, ctx, stored));
	}
}
