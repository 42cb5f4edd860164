import { describe, expect, it } from 'vitest';
import { dpiOf, withDpi } from './png-dpi';

// A 1×1 PNG as canvas.toBlob writes it: signature, IHDR, IDAT, IEND, no pHYs.
const PIXEL = Uint8Array.from(
	atob(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
	),
	(c) => c.charCodeAt(0)
);

describe('a PNG’s resolution', () => {
	it('is written as a pHYs chunk after IHDR, with its CRC, and read back', () => {
		expect(dpiOf(PIXEL)).toBeNull();
		const print = withDpi(PIXEL, 300);
		expect(print.length).toBe(PIXEL.length + 21);
		expect(dpiOf(print)).toBe(300);
		expect(String.fromCharCode(...print.subarray(37, 41))).toBe('pHYs');
		// 11,811 pixels a metre, and the CRC-32 of "pHYs" and its data (computed independently)
		expect([...print.subarray(41, 50)]).toEqual([0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1]);
		expect([...print.subarray(50, 54)]).toEqual([0x78, 0xa5, 0x3f, 0x76]);
		expect(() => withDpi(new Uint8Array(10), 300)).toThrow('not a PNG');
	});
});
