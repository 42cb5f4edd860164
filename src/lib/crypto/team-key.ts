import { randomBytes, toBase64, type Bytes } from './bytes';
import { generateRecoveryKey, parseRecoveryKey } from './recovery';

/**
 * The team's shared package key: one random secret that every member of a team enters once, so
 * team packages are encrypted without a passphrase to agree on for each exchange.
 *
 * It is written like a recovery key (135 random bits as 28 Crockford base32 symbols with a check
 * symbol, see recovery.ts) because it is shared the same way: read out, copied from a message,
 * typed in. 135 bits are far beyond guessing, so no slow KDF is needed: HKDF with a fresh salt
 * per file turns it into that file's AES-256-GCM key (envelope.ts).
 */
export interface TeamKey {
	/** What the team shares, e.g. "7KQ2-M9XD-…". */
	text: string;
	secret: Bytes;
}

export function generateTeamKey(): TeamKey {
	return generateRecoveryKey();
}

/** Reads a key as typed; throws WrongRecoveryKeyError saying what is wrong with it. */
export function parseTeamKey(input: string): TeamKey {
	return parseRecoveryKey(input);
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short name for a key, the same on every device that holds it ("K7QM-2XD9"): a package says
 * which key it was sealed with, so an import can say "another team key" instead of "damaged", and
 * two colleagues can compare keys by reading this aloud without reading out the key. 40 bits of
 * SHA-256 over a labelled secret: it tells keys apart and gives nothing towards guessing one.
 */
export async function teamKeyId(secret: Bytes): Promise<string> {
	const label = new TextEncoder().encode('stedsans/team-key-id/v1');
	const input = new Uint8Array(label.length + secret.length);
	input.set(label);
	input.set(secret, label.length);
	const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', input));
	let bits = 0n;
	for (const b of hash.subarray(0, 5)) bits = (bits << 8n) | BigInt(b);
	let out = '';
	for (let i = 0; i < 8; i++) {
		out = ALPHABET[Number(bits & 31n)]! + out;
		bits >>= 5n;
	}
	return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** A fresh HKDF salt for one sealed file (base64). */
export function newSalt(): string {
	return toBase64(randomBytes(16));
}
