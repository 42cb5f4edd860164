import type { DeviceIdentity } from './relay-keys';

/**
 * A device's relay keys as JSON, to be kept sealed under the data key with the rest of the sync
 * settings (features/sync/sync-config.service.ts): the private keys exist outside memory only
 * inside that sealed record, so a locked device cannot sign a request or open a wrapped team key.
 */
export interface StoredIdentity {
	device: string;
	keys: { signingKey: string; boxKey: string };
	signing: JsonWebKey;
	box: JsonWebKey;
}

const subtle = () => globalThis.crypto.subtle;
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export async function exportIdentity(identity: DeviceIdentity): Promise<StoredIdentity> {
	return {
		device: identity.device,
		keys: identity.keys,
		signing: await subtle().exportKey('jwk', identity.signing.privateKey),
		box: await subtle().exportKey('jwk', identity.box.privateKey)
	};
}

/** Back to usable keys; the private keys are imported non-extractable this time. */
export async function importIdentity(stored: StoredIdentity): Promise<DeviceIdentity> {
	const publicJwk = (jwk: JsonWebKey): JsonWebKey => ({
		kty: jwk.kty,
		crv: jwk.crv,
		x: jwk.x,
		y: jwk.y,
		ext: true
	});
	const signing: CryptoKeyPair = {
		privateKey: await subtle().importKey('jwk', stored.signing, ECDSA, false, ['sign']),
		publicKey: await subtle().importKey('jwk', publicJwk(stored.signing), ECDSA, true, ['verify'])
	};
	const box: CryptoKeyPair = {
		privateKey: await subtle().importKey('jwk', stored.box, ECDH, false, ['deriveBits']),
		publicKey: await subtle().importKey('jwk', publicJwk(stored.box), ECDH, true, [])
	};
	return { device: stored.device, keys: stored.keys, signing, box };
}
