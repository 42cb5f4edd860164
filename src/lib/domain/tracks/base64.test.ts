import { describe, expect, it } from 'vitest';
import {
	base64ToBytes,
	base64ToFloat32,
	base64ToFloat64,
	bytesToBase64,
	columnToBase64
} from './base64';

describe('base64', () => {
	it('matches the standard encoding for every padding case', () => {
		for (let n = 0; n < 12; n++) {
			const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
			const b64 = bytesToBase64(bytes);
			expect(b64).toBe(Buffer.from(bytes).toString('base64'));
			expect(base64ToBytes(b64)).toEqual(bytes);
		}
		expect(() => base64ToBytes('abc')).toThrow(SyntaxError);
		expect(() => base64ToBytes('ab$=')).toThrow(SyntaxError);
	});
});

describe('typed columns', () => {
	it('round-trip bit for bit, little-endian', () => {
		const f64 = Float64Array.from([0, -0, 1.5, 55.6649123456789, -1e-300, Number.MAX_VALUE]);
		expect(Array.from(base64ToFloat64(columnToBase64(f64)))).toEqual(Array.from(f64));
		const f32 = Float32Array.from([0, 3.25, 1e30]);
		expect(base64ToFloat32(columnToBase64(f32))).toEqual(f32);
		// 1.0 as a little-endian double: the exponent bytes come last.
		expect(columnToBase64(Float64Array.of(1))).toBe(
			Buffer.from([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]).toString('base64')
		);
		expect(() => base64ToFloat64(bytesToBase64(new Uint8Array(7)))).toThrow(SyntaxError);
	});
});
