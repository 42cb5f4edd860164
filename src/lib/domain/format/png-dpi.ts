/*
 * A PNG's resolution, written as a pHYs chunk (PNG spec, 11.3.5.3): canvas.toBlob writes none, so
 * an image meant for print at 300 dpi would open at the viewer's default (often 72 dpi), four
 * times too large.
 */

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** Bytes 8–32 are the IHDR chunk, which must come first: pHYs goes right after it. */
const AFTER_IHDR = 33;

/** The PNG with a pHYs chunk saying `dpi` (any pHYs it had is left in place after ours). */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
	if (png.length < AFTER_IHDR || String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR')
		throw new Error('not a PNG');
	const perMetre = Math.round(dpi / 0.0254);
	const chunk = new Uint8Array(21);
	const view = new DataView(chunk.buffer);
	view.setUint32(0, 9);
	chunk.set([0x70, 0x48, 0x59, 0x73], 4); // pHYs
	view.setUint32(8, perMetre);
	view.setUint32(12, perMetre);
	chunk[16] = 1; // unit: metre
	view.setUint32(17, crc32(chunk.subarray(4, 17)));
	const out = new Uint8Array(png.length + chunk.length);
	out.set(png.subarray(0, AFTER_IHDR));
	out.set(chunk, AFTER_IHDR);
	out.set(png.subarray(AFTER_IHDR), AFTER_IHDR + chunk.length);
	return out;
}

/** The dpi a PNG's pHYs chunk states, or null. */
export function dpiOf(png: Uint8Array): number | null {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	for (let at = 8; at + 12 <= png.length;) {
		const length = view.getUint32(at);
		const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
		if (type === 'pHYs' && png[at + 16] === 1) return Math.round(view.getUint32(at + 8) * 0.0254);
		at += 12 + length;
	}
	return null;
}
