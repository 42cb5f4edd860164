import { fromBase64Url, toBase64Url } from '$lib/domain/sync/base64url';
import type { Envelope } from '$lib/domain/sync/protocol';
import { randomBytes, utf8, type Bytes } from './bytes';
import { DamagedError } from './errors';

/**
 * Sealing one change for the relay: AES-256-GCM under the team key of a generation, a fresh
 * random 96-bit nonce, and the team, envelope id and generation as additional data, so the relay
 * cannot move a ciphertext to another envelope, team or generation without it failing to open.
 * What is sealed (the record, its table and id, its version vector, device times) is the sync
 * engine's; the relay sees only the result.
 */
export interface EnvelopeContext {
	team: string;
	generation: number;
}

function additionalData(ctx: EnvelopeContext, id: string): Bytes {
	return utf8(JSON.stringify(['stedsans-relay-envelope/v1', ctx.team, id, ctx.generation]));
}

/** The AES-GCM key of a team key generation (32 random bytes shared through the wrapped keys). */
export function importTeamKey(secret: Bytes): Promise<CryptoKey> {
	return globalThis.crypto.subtle.importKey('raw', secret, 'AES-GCM', false, [
		'encrypt',
		'decrypt'
	]);
}

export async function sealEnvelope(
	key: CryptoKey,
	ctx: EnvelopeContext,
	plaintext: Bytes
): Promise<Envelope> {
	const id = toBase64Url(randomBytes(16));
	const nonce = randomBytes(12);
	const ct = await globalThis.crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv: nonce, additionalData: additionalData(ctx, id) },
		key,
		plaintext
	);
	return {
		id,
		generation: ctx.generation,
		nonce: toBase64Url(nonce),
		ciphertext: toBase64Url(new Uint8Array(ct))
	};
}

/** Throws DamagedError for a wrong key or generation, another team, or a changed byte. */
export async function openEnvelope(
	key: CryptoKey,
	team: string,
	envelope: Envelope
): Promise<Bytes> {
	try {
		const pt = await globalThis.crypto.subtle.decrypt(
			{
				name: 'AES-GCM',
				iv: fromBase64Url(envelope.nonce),
				additionalData: additionalData({ team, generation: envelope.generation }, envelope.id)
			},
			key,
			fromBase64Url(envelope.ciphertext)
		);
		return new Uint8Array(pt);
	} catch {
		throw new DamagedError('payload', 'tampered', `relay envelope ${envelope.id}`);
	}
}
