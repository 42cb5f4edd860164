import { describe, expect, it } from 'vitest';
import { decodeXmlBytes, utf8Length } from './xml-text';

describe('utf8Length', () => {
	it('counts bytes as UTF-8 would encode them', () => {
		for (const s of ['', 'abc', 'Kødbyen', '€ and 🚲', 'æøå'.repeat(100)]) {
			expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
		}
	});

	it('reports a string past the limit as over it', () => {
		expect(utf8Length('€€€€', 5)).toBeGreaterThan(5);
		expect(utf8Length('x'.repeat(10), 5)).toBeGreaterThan(5);
	});
});

describe('decodeXmlBytes', () => {
	const xml = '<?xml version="1.0"?><gpx><name>Nørrebro</name></gpx>';

	it('reads UTF-8 with or without a byte-order mark', () => {
		expect(decodeXmlBytes(new TextEncoder().encode(xml))).toBe(xml);
		expect(decodeXmlBytes(new TextEncoder().encode('\uFEFF' + xml))).toBe(xml);
		expect(decodeXmlBytes(new TextEncoder().encode(xml).buffer)).toBe(xml);
	});

	it('reads UTF-16 by its byte-order mark', () => {
		const le = new Uint8Array(2 + xml.length * 2);
		le.set([0xff, 0xfe]);
		for (let i = 0; i < xml.length; i++) le[2 + 2 * i] = xml.charCodeAt(i);
		expect(decodeXmlBytes(le)).toBe(xml);
	});

	it('reads the encoding the declaration names, and UTF-8 for an unknown one', () => {
		const latin1 = xml.replace('?>', ' encoding="ISO-8859-1"?>');
		expect(decodeXmlBytes(Uint8Array.from(latin1, (c) => c.charCodeAt(0)))).toBe(latin1);
		const bogus = xml.replace('?>', ' encoding="x-unknown"?>');
		expect(decodeXmlBytes(new TextEncoder().encode(bogus))).toBe(bogus);
	});
});
