import { z } from 'zod';

/**
 * An invite code: 28 Crockford base32 symbols in 7 groups of 4 ("7KQ2-M9XD-…"), the same shape as
 * the team package key, so it is read out, typed or put in a QR code (uppercase letters, digits
 * and "-" are all in QR's alphanumeric mode) the same way.
 *
 * The first 12 symbols (60 bits) are the **id**: the admin's device registers it with the relay,
 * which keeps only its hash; a joining device sends it to say which invite it uses. The last 16
 * symbols (80 bits) are the **secret**, which never reaches the relay: the joining device proves
 * with it that its keys are the ones the invited person holds (an HMAC over the keys), and the
 * admin's device checks that proof before it wraps the team key for the newcomer. So a relay
 * that slips in a device of its own cannot get the team key: it does not know the secret.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_SYMBOLS = 28;
const ID_SYMBOLS = 12;

export const InviteId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{12}$/, 'not an invite id');

export interface InviteCode {
	/** The grouped text shown to people, e.g. "7KQ2-M9XD-…". */
	text: string;
	id: string;
	secret: string;
}

/** Makes a code from 28 random bytes (each byte's low 5 bits: 256 is a multiple of 32, so uniform). */
export function inviteFromRandom(random: Uint8Array): InviteCode {
	if (random.length < INVITE_SYMBOLS) throw new RangeError('28 random bytes are needed');
	let symbols = '';
	for (let i = 0; i < INVITE_SYMBOLS; i++) symbols += ALPHABET[random[i]! & 31];
	return split(symbols);
}

function split(symbols: string): InviteCode {
	return {
		text: symbols.match(/.{4}/g)!.join('-'),
		id: symbols.slice(0, ID_SYMBOLS),
		secret: symbols.slice(ID_SYMBOLS)
	};
}

/**
 * Reads a code as typed or scanned: case, spaces and dashes do not matter, and O reads as 0,
 * I and L as 1 (Crockford). Null when it cannot be an invite code.
 */
export function parseInvite(input: string): InviteCode | null {
	const symbols = input
		.toUpperCase()
		.replace(/[\s-]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
	if (symbols.length !== INVITE_SYMBOLS) return null;
	for (const c of symbols) if (!ALPHABET.includes(c)) return null;
	return split(symbols);
}

/** What the joining device's HMAC covers: the team's name for the invite and both public keys. */
export function inviteProofInput(id: string, signingKey: string, boxKey: string): string {
	return JSON.stringify(['stedsans-relay-invite/v1', id, signingKey, boxKey]);
}
