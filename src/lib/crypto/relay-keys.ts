import { fromBase64Url, toBase64Url } from '$lib/domain/sync/base64url';
import { inviteProofInput } from '$lib/domain/sync/invite';
import { utf8, wipe, type Bytes } from './bytes';
import { collectBytes, depositBytes } from './drop-box';
import type { SealContext } from './seal';

/**
 * The keys of a device in a relay team, all WebCrypto (the same code in the browser and in the
 * relay on Node 20):
 * - a **signing** pair (ECDSA P-256, SHA-256) that signs every request; its public key names the
 *   device: the device id is the first 128 bits of SHA-256 of it, so no one can claim an id
 *   without the key;
 * - a **box** pair (ECDH P-256) the team key is wrapped to, with the drop box's ECIES
 *   (drop-box.ts), so a wrapped key opens only on the device it was wrapped for.
 * P-256 rather than Ed25519/X25519: both are in WebCrypto on Node 20 and every browser.
 */
const subtle = () => globalThis.crypto.subtle;
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface DeviceIdentity {
	device: string;
	signing: CryptoKeyPair;
	box: CryptoKeyPair;
	/** Both public keys, base64url raw points: what the relay is told. */
	keys: { signingKey: string; boxKey: string };
}

async function rawPublic(key: CryptoKey): Promise<string> {
	return toBase64Url(new Uint8Array(await subtle().exportKey('raw', key)));
}

export async function sha256Base64Url(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	return toBase64Url(new Uint8Array(await subtle().digest('SHA-256', bytes)));
}

export async function deviceIdOf(signingKey: string): Promise<string> {
	const digest = new Uint8Array(await subtle().digest('SHA-256', fromBase64Url(signingKey)));
	return toBase64Url(digest.subarray(0, 16));
}

/** A new device: extractable, so the app can keep the private keys sealed under its data key. */
export async function generateDeviceIdentity(): Promise<DeviceIdentity> {
	const signing = await subtle().generateKey(ECDSA, true, ['sign', 'verify']);
	const box = await subtle().generateKey(ECDH, true, ['deriveBits']);
	const keys = {
		signingKey: await rawPublic(signing.publicKey),
		boxKey: await rawPublic(box.publicKey)
	};
	return { device: await deviceIdOf(keys.signingKey), signing, box, keys };
}

export async function signText(privateKey: CryptoKey, text: string): Promise<string> {
	return toBase64Url(new Uint8Array(await subtle().sign(SIGN, privateKey, utf8(text))));
}

export function importSigningKey(signingKey: string): Promise<CryptoKey> {
	return subtle().importKey('raw', fromBase64Url(signingKey), ECDSA, false, ['verify']);
}

/** False for a wrong signature; throws only for a key that is not a P-256 point. */
export async function verifyText(
	key: CryptoKey,
	text: string,
	signature: string
): Promise<boolean> {
	return subtle().verify(SIGN, key, fromBase64Url(signature), utf8(text));
}

/** What a wrapped key is bound to: this team, this generation, this device. */
function wrapContext(team: string, generation: number, device: string): SealContext {
	return { table: 'relay-team-key', id: `${team}/${generation}/${device}`, v: 1 };
}

export interface WrapTarget {
	team: string;
	generation: number;
	device: string;
	boxKey: string;
}

export async function wrapTeamKey(teamKey: Bytes, to: WrapTarget): Promise<string> {
	const recipient = await subtle().importKey('raw', fromBase64Url(to.boxKey), ECDH, true, []);
	const sealed = await depositBytes(
		recipient,
		wrapContext(to.team, to.generation, to.device),
		teamKey
	);
	return toBase64Url(sealed);
}

/** Throws DamagedError when the key was not wrapped for this device, team and generation. */
export function unwrapTeamKey(
	me: DeviceIdentity,
	team: string,
	generation: number,
	wrapped: string
): Promise<Bytes> {
	return collectBytes(
		{ publicKey: me.box.publicKey, privateKey: me.box.privateKey },
		wrapContext(team, generation, me.device),
		fromBase64Url(wrapped)
	);
}

async function hmacKey(secret: string): Promise<CryptoKey> {
	return subtle().importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
		'sign',
		'verify'
	]);
}

/** The joining device's proof that it holds the invite's secret half (see domain/sync/invite.ts). */
export async function inviteProof(
	invite: { id: string; secret: string },
	keys: { signingKey: string; boxKey: string }
): Promise<string> {
	const input = utf8(inviteProofInput(invite.id, keys.signingKey, keys.boxKey));
	const mac = new Uint8Array(await subtle().sign('HMAC', await hmacKey(invite.secret), input));
	try {
		return toBase64Url(mac);
	} finally {
		wipe(mac);
	}
}

/** The admin's check before wrapping the team key for a device that joined with its invite. */
export async function checkInviteProof(
	invite: { id: string; secret: string },
	keys: { signingKey: string; boxKey: string },
	proof: string
): Promise<boolean> {
	const input = utf8(inviteProofInput(invite.id, keys.signingKey, keys.boxKey));
	return subtle().verify('HMAC', await hmacKey(invite.secret), fromBase64Url(proof), input);
}
