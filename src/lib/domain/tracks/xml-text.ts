/**
 * Bytes and text for XML imports: the size of a string in UTF-8 (the limit is on the file, not
 * on JavaScript's UTF-16 code units), and decoding bytes with the encoding the XML declares.
 */

/** UTF-8 length of a string; stops counting once past `limit` (the result is then > limit). */
export function utf8Length(text: string, limit = Infinity): number {
	// Every code unit is at least one byte, and none is more than three.
	if (text.length > limit) return text.length;
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// A surrogate pair is one 4-byte character: 2 bytes for each half.
		bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
		if (bytes > limit) return bytes;
	}
	return bytes;
}

const DECLARED = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/**
 * Text from bytes: a byte-order mark wins, then the encoding in the XML declaration
 * (XML 1.0 §4.3.3 and Appendix F), then UTF-8. Unknown encodings fall back to UTF-8.
 */
export function decodeXmlBytes(input: Uint8Array | ArrayBuffer): string {
	const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
	let label = 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
	else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
	else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
		const head = String.fromCharCode(...bytes.subarray(0, 256));
		label = DECLARED.exec(head)?.[1] ?? 'utf-8';
	}
	let decoder: TextDecoder;
	try {
		decoder = new TextDecoder(label);
	} catch {
		decoder = new TextDecoder('utf-8');
	}
	return decoder.decode(bytes);
}
