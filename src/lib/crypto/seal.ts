import { concatBytes, fromUtf8, randomBytes, utf8, type Bytes } from './bytes';
import { DamagedError } from './errors';

/**
 * AES-256-GCM sealing of one record's payload. Layout: [format 1][IV 12][ciphertext ‖ tag 16].
 *
 * IVs are 96 random bits, fresh for every seal (NIST SP 800-38D §8.2.2, the RBG-based
 * construction). §8.3 caps one key at 2^32 such seals to keep the chance of a repeated IV below
 * 2^-32; a field team writing a million records a year stays far below that. A counter IV would
 * need state shared by every device and tab that holds the key; random needs none.
 *
 * The additional data binds the table, the record id and the schema version, so a payload copied
 * onto another record, another table, or an older version fails to open (SP 800-38D §5.2.1.1).
 */
export interface SealContext {
	table: string;
	id: string;
	v: number;
}

export const SEAL_FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER = 1 + IV_BYTES;

// JSON of an array is unambiguous (no separator inside a field can fake another split).
export function additionalData(ctx: SealContext): Bytes {
	return utf8(JSON.stringify(['stedsans-seal', SEAL_FORMAT, ctx.table, ctx.id, ctx.v]));
}

/** Whether a stored value is sealed by this module (the migration tells rows still to do by it). */
export function isSealed(stored: unknown): stored is Uint8Array {
	return (
		stored instanceof Uint8Array && stored.length >= HEADER + TAG_BYTES && stored[0] === SEAL_FORMAT
	);
}

export async function sealBytes(
	key: CryptoKey,
	ctx: SealContext,
	plaintext: Bytes
): Promise<Bytes> {
	const iv = randomBytes(IV_BYTES);
	const ct = await globalThis.crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: additionalData(ctx) },
		key,
		plaintext
	);
	return concatBytes(Uint8Array.of(SEAL_FORMAT), iv, new Uint8Array(ct));
}

/** Throws DamagedError('payload', 'tampered') for a wrong key, a changed byte or a wrong context. */
export async function openBytes(key: CryptoKey, ctx: SealContext, sealed: unknown): Promise<Bytes> {
	if (!isSealed(sealed)) throw new DamagedError('payload', 'wrong-format');
	try {
		const pt = await globalThis.crypto.subtle.decrypt(
			{
				name: 'AES-GCM',
				iv: sealed.subarray(1, HEADER) as Bytes,
				additionalData: additionalData(ctx)
			},
			key,
			sealed.subarray(HEADER) as Bytes
		);
		return new Uint8Array(pt);
	} catch {
		throw new DamagedError('payload', 'tampered', `${ctx.table}/${ctx.id}`);
	}
}

export async function sealJson(key: CryptoKey, ctx: SealContext, value: unknown): Promise<Bytes> {
	return sealBytes(key, ctx, utf8(JSON.stringify(value)));
}

export async function openJson(
	key: CryptoKey,
	ctx: SealContext,
	sealed: unknown
): Promise<unknown> {
	const bytes = await openBytes(key, ctx, sealed);
	return JSON.parse(fromUtf8(bytes)) as unknown;
}
