/**
 * Base64 (RFC 4648 §4, with padding) for typed-array columns in backups. Written out because the
 * domain may not lean on `btoa` (DOM) or `Buffer` (node), and `Uint8Array.prototype.toBase64`
 * is not in Node 20. Multi-byte values are written little-endian whatever the platform, so a
 * backup reads the same everywhere.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENCODE = Array.from(ALPHABET, (c) => c.charCodeAt(0));
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const PAD = 61; // '='

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function bytesToBase64(bytes: Uint8Array): string {
	const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
	let o = 0;
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
		out[o++] = ENCODE[n >>> 18]!;
		out[o++] = ENCODE[(n >>> 12) & 63]!;
		out[o++] = ENCODE[(n >>> 6) & 63]!;
		out[o++] = ENCODE[n & 63]!;
	}
	const rest = bytes.length - i;
	if (rest > 0) {
		const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
		out[o++] = ENCODE[n >>> 18]!;
		out[o++] = ENCODE[(n >>> 12) & 63]!;
		out[o++] = rest === 2 ? ENCODE[(n >>> 6) & 63]! : PAD;
		out[o] = PAD;
	}
	let s = '';
	// fromCharCode takes arguments; 8192 at a time stays well under every engine's limit.
	for (let k = 0; k < out.length; k += 8192) {
		s += String.fromCharCode(...out.subarray(k, k + 8192));
	}
	return s;
}

/** Decodes base64; throws a SyntaxError on anything that is not canonical padded base64. */
export function base64ToBytes(text: string): Uint8Array {
	if (text.length % 4 !== 0) throw new SyntaxError('base64 length is not a multiple of 4');
	const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	const out = new Uint8Array((text.length / 4) * 3 - pad);
	let o = 0;
	for (let i = 0; i < text.length; i += 4) {
		const last = i + 4 === text.length;
		const a = sextet(text, i);
		const b = sextet(text, i + 1);
		const c = last && pad === 2 ? 0 : sextet(text, i + 2);
		const d = last && pad >= 1 ? 0 : sextet(text, i + 3);
		const n = (a << 18) | (b << 12) | (c << 6) | d;
		out[o++] = n >>> 16;
		if (o < out.length) out[o++] = (n >>> 8) & 255;
		if (o < out.length) out[o++] = n & 255;
	}
	return out;
}

function sextet(text: string, i: number): number {
	const code = text.charCodeAt(i);
	const v = code < 128 ? DECODE[code]! : -1;
	if (v < 0) throw new SyntaxError(`not base64 at character ${i}`);
	return v;
}

type Column = Float64Array | Float32Array | Uint8Array;

/** The column's bytes in little-endian order. */
export function columnToBase64(column: Column): string {
	const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
	return bytesToBase64(LITTLE_ENDIAN ? bytes : swap(bytes.slice(), column.BYTES_PER_ELEMENT));
}

export function base64ToFloat64(text: string): Float64Array {
	const bytes = aligned(base64ToBytes(text), 8);
	return new Float64Array(bytes.buffer, 0, bytes.length / 8);
}

export function base64ToFloat32(text: string): Float32Array {
	const bytes = aligned(base64ToBytes(text), 4);
	return new Float32Array(bytes.buffer, 0, bytes.length / 4);
}

export function base64ToUint8(text: string): Uint8Array {
	return base64ToBytes(text);
}

function aligned(bytes: Uint8Array, size: number): Uint8Array {
	if (bytes.length % size !== 0)
		throw new SyntaxError(`${bytes.length} bytes is not a whole number of ${size}-byte values`);
	return LITTLE_ENDIAN ? bytes : swap(bytes, size);
}

function swap(bytes: Uint8Array, size: number): Uint8Array {
	if (size > 1) for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
	return bytes;
}
