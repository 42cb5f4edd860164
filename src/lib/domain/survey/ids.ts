/*
 * Deterministic record ids for what an import creates, so importing the same file again finds
 * the same ids and changes nothing. ULID-shaped (26 Crockford base32 characters, the first at
 * most 7) so they pass the id schema; made from a 128-bit hash of the parts (cyrb128 style:
 * four 32-bit lanes of multiply-xorshift). Not a secret and not a guard against a forger: the
 * parts are the file's content, a row and a column.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function hash128(text: string): [number, number, number, number] {
	let h1 = 1779033703,
		h2 = 3144134277,
		h3 = 1013904242,
		h4 = 2773480762;
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** A hex digest of `text` (32 hex digits): the identity of a file's content. */
export function contentKey(text: string): string {
	return hash128(text)
		.map((n) => n.toString(16).padStart(8, '0'))
		.join('');
}

/** The same parts always give the same ULID-shaped id; different parts, different ids. */
export function derivedId(...parts: string[]): string {
	const lanes = hash128(parts.join('\u0000'));
	let bits = 0n;
	for (const lane of lanes) bits = (bits << 32n) | BigInt(lane);
	let out = '';
	for (let i = 0; i < 26; i++) {
		out = ALPHABET[Number(bits & 31n)] + out;
		bits >>= 5n;
	}
	// 26 × 5 = 130 bits from 128: the top two are 0, so the first character is at most 7, as in a ULID.
	return out;
}
