import { describe, expect, it } from 'vitest';
import {
	FIX_SOURCES,
	Fix,
	GAP_BEFORE,
	isValidSourceByte,
	SOURCE_CODE,
	sourceCode,
	sourceFromCode
} from './fix';

const good = { t: Date.UTC(2026, 2, 3), lat: 55.66, lon: 12.55, acc: 8, src: 'gps' };

describe('Fix', () => {
	it('accepts a fix and rejects impossible values', () => {
		expect(Fix.parse({ ...good, gapBefore: true })).toEqual({ ...good, gapBefore: true });
		for (const bad of [
			{ lat: 90.0001 },
			{ lon: -180.5 },
			{ acc: -1 },
			{ acc: Infinity },
			{ t: -5 },
			{ t: NaN },
			{ src: 'wifi' }
		]) {
			expect(Fix.safeParse({ ...good, ...bad }).success, JSON.stringify(bad)).toBe(false);
		}
	});
});

describe('source codes', () => {
	it('are stored values that never change', () => {
		expect(SOURCE_CODE).toEqual({ gps: 0, imported: 1, manual: 2, reconstructed: 3 });
	});

	it('round-trip, ignoring the gap flag', () => {
		for (const src of FIX_SOURCES) {
			expect(sourceFromCode(sourceCode(src))).toBe(src);
			expect(sourceFromCode(sourceCode(src) | GAP_BEFORE)).toBe(src);
			expect(isValidSourceByte(sourceCode(src) | GAP_BEFORE)).toBe(true);
		}
		expect(() => sourceFromCode(9)).toThrow(RangeError);
		expect(isValidSourceByte(9)).toBe(false);
		expect(isValidSourceByte(0x40)).toBe(false);
	});
});
