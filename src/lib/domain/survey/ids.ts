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
	// Six characters (30 bits) from each lane, then the lanes' top two bits, eight in all, make
	// the first two: the first at most 7, as a ULID's time part requires.
	let top = 0;
	let out = '';
	for (const lane of lanes) {
		top = (top << 2) | (lane >>> 30);
		for (let k = 0; k < 6; k++) out += ALPHABET[(lane >>> (5 * k)) & 31];
	}
	return ALPHABET[top >>> 5]! + ALPHABET[top & 31]! + out;
}
