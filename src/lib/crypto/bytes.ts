/**
 * Byte helpers shared by the crypto modules. `Bytes` is a Uint8Array over a plain ArrayBuffer,
 * which is what WebCrypto's BufferSource accepts under TypeScript's lib.dom (5.7+).
 */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Bytes {
	return encoder.encode(text) as Bytes;
}

export function fromUtf8(bytes: Uint8Array): string {
	return decoder.decode(bytes);
}

/** Cryptographically random bytes (getRandomValues fills at most 65,536 bytes per call). */
export function randomBytes(length: number): Bytes {
	const out = new Uint8Array(length);
	for (let i = 0; i < length; i += 65_536)
		globalThis.crypto.getRandomValues(out.subarray(i, Math.min(length, i + 65_536)));
	return out;
}

/** A copy over its own exact buffer (a view into a bigger one would drag the rest along). */
export function copyBytes(view: ArrayBufferView): Bytes {
	return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice();
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** Compares without an early exit, so the time taken does not tell how many bytes matched. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
	return diff === 0;
}

/** Overwrites secret material once it is no longer needed (best effort in a GC'd language). */
export function wipe(...buffers: Uint8Array[]): void {
	for (const b of buffers) b.fill(0);
}

// btoa takes a "binary string"; build it in chunks so large exports do not overflow the stack.
export function toBase64(bytes: Uint8Array): string {
	const chunks: string[] = [];
	for (let i = 0; i < bytes.length; i += 0x8000)
		chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
	return btoa(chunks.join(''));
}

/** atob throws on malformed input; callers turn that into their own typed error. */
export function fromBase64(text: string): Bytes {
	const binary = atob(text);
	const out = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
	return out;
}
