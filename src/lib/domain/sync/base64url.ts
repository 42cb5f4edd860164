/**
 * Base64url without padding (RFC 4648 §5): what every binary field of the relay protocol is
 * written as. URL- and header-safe, so the same text works in a path, a header and JSON.
 */
const CHARS = /^[A-Za-z0-9_-]*$/;

export function isBase64Url(text: string): boolean {
	return CHARS.test(text) && text.length % 4 !== 1;
}

/** The number of bytes a base64url text decodes to (without decoding it). */
export function base64UrlBytes(text: string): number {
	return Math.floor((text.length * 3) / 4);
}

/** The text length that `bytes` bytes encode to. */
export function base64UrlLength(bytes: number): number {
	return Math.ceil((bytes * 4) / 3);
}

export function toBase64Url(bytes: Uint8Array): string {
	const chunks: string[] = [];
	// String.fromCharCode(...) in chunks: one spread of a large array overflows the stack.
	for (let i = 0; i < bytes.length; i += 0x8000)
		chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
	return btoa(chunks.join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws a TypeError on text that is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
	if (!isBase64Url(text)) throw new TypeError('not base64url');
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	const out = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
	return out;
}
