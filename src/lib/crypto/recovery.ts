import { randomBytes, type Bytes } from './bytes';
import { WrongRecoveryKeyError } from './errors';

/**
 * Recovery keys: 135 random bits written as 27 Crockford base32 symbols plus Crockford's mod-37
 * check symbol (https://www.crockford.com/base32.html), in 7 groups of 4:
 * "7KQ2-M9XD-…". Crockford's alphabet has no I, L, O or U, so reading one back from paper is
 * forgiving: case, spaces and dashes do not matter, and I/L read as 1, O as 0.
 *
 * The check symbol catches any single wrong symbol and any swap of two neighbours. Its five
 * extra symbols (* ~ $ = U) are awkward to write down, so generation draws again when the check
 * would be one of them (5 in 37 draws): that costs 0.21 bits, leaving over 134 bits (≥ 128).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_ALPHABET = ALPHABET + '*~$=U';
const SYMBOLS = 27;
const BITS = SYMBOLS * 5; // 135
export const RECOVERY_KEY_LENGTH = SYMBOLS + 1;

function toNumber(bytes: Uint8Array): bigint {
	let n = 0n;
	for (const b of bytes) n = (n << 8n) | BigInt(b);
	return n;
}

/** The secret as 17 bytes, big-endian (the top bit is always 0). */
function toBytes(n: bigint): Bytes {
	const out = new Uint8Array(Math.ceil(BITS / 8));
	for (let i = out.length - 1; i >= 0; i--) {
		out[i] = Number(n & 0xffn);
		n >>= 8n;
	}
	return out;
}

function encode(n: bigint): string {
	let s = '';
	for (let i = 0; i < SYMBOLS; i++) {
		s = ALPHABET[Number(n & 31n)]! + s;
		n >>= 5n;
	}
	return s;
}

export function groupRecoveryKey(symbols: string): string {
	return symbols.match(/.{1,4}/g)!.join('-');
}

export interface RecoveryKey {
	/** What the user is shown and writes down, e.g. "7KQ2-M9XD-…". */
	text: string;
	/** The secret the key-encryption key is derived from. */
	secret: Bytes;
}

export function generateRecoveryKey(): RecoveryKey {
	for (;;) {
		const bytes = randomBytes(Math.ceil(BITS / 8));
		bytes[0]! &= 0x7f; // 136 bits drawn, 135 kept
		const n = toNumber(bytes);
		const check = Number(n % 37n);
		if (check >= 32) continue;
		return { text: groupRecoveryKey(encode(n) + ALPHABET[check]), secret: toBytes(n) };
	}
}

const READ_AS: Record<string, string> = { O: '0', I: '1', L: '1' };

/** Reads a recovery key back as typed; throws WrongRecoveryKeyError saying what is wrong. */
export function parseRecoveryKey(input: string): RecoveryKey {
	const cleaned = input
		.toUpperCase()
		.replace(/[\s\-_.]/g, '')
		.replace(/[OIL]/g, (c) => READ_AS[c]!);
	if (cleaned.length !== RECOVERY_KEY_LENGTH) throw new WrongRecoveryKeyError('length');
	let n = 0n;
	for (const c of cleaned.slice(0, SYMBOLS)) {
		const v = ALPHABET.indexOf(c);
		if (v < 0) throw new WrongRecoveryKeyError('character');
		n = (n << 5n) | BigInt(v);
	}
	const check = CHECK_ALPHABET.indexOf(cleaned[SYMBOLS]!);
	if (check < 0) throw new WrongRecoveryKeyError('character');
	if (BigInt(check) !== n % 37n) throw new WrongRecoveryKeyError('checksum');
	return { text: groupRecoveryKey(cleaned), secret: toBytes(n) };
}
