import { describe, expect, it } from 'vitest';
import { cprBirthDate, cprCentury, passesModulus11 } from './cpr';
import { FIXTURE_NOW } from '$lib/testing/identifiers';
import { scanIdentifiers } from './scan';

const born = (digits: string) => cprBirthDate(digits, FIXTURE_NOW)?.toISOString().slice(0, 10);

describe('CPR numbers', () => {
	it('takes the century from the 7th digit and the year', () => {
		expect([0, 1, 2, 3].map((d) => cprCentury(d, 10))).toEqual([1900, 1900, 1900, 1900]);
		expect([cprCentury(4, 36), cprCentury(4, 37), cprCentury(9, 36), cprCentury(9, 37)]).toEqual([
			2000, 1900, 2000, 1900
		]);
		expect([5, 6, 7, 8].map((d) => cprCentury(d, 57))).toEqual([2000, 2000, 2000, 2000]);
		expect([5, 6, 7, 8].map((d) => cprCentury(d, 58))).toEqual([1800, 1800, 1800, 1800]);
	});

	it('reads the date of birth', () => {
		expect(born('0101501234')).toBe('1950-01-01');
		expect(born('1505374548')).toBe('1937-05-15');
		expect(born('0101585219')).toBe('1858-01-01');
		expect(born('1212129071')).toBe('2012-12-12');
	});

	it('knows leap days: 2000 and 1896 were leap years, 1900 and 1901 were not', () => {
		expect(born('2902005596')).toBe('2000-02-29');
		expect(born('2902967038')).toBe('1896-02-29');
		expect(born('2902001234')).toBeUndefined();
		expect(born('2902011234')).toBeUndefined();
		expect(born('2902015234')).toBeUndefined(); // 2001
	});

	it('refuses impossible days and months and dates after today', () => {
		for (const d of ['3102991234', '3104991234', '0013991234', '0001991234', '3212991234'])
			expect(born(d)).toBeUndefined();
		expect(born('0101255234')).toBe('2025-01-01');
		expect(born('0101275234')).toBeUndefined(); // 2027, after FIXTURE_NOW
		expect(born('0101365234')).toBeUndefined();
	});

	it('does not require the modulus-11 check', () => {
		expect(passesModulus11('0101501234')).toBe(false);
		expect(scanIdentifiers('0101501234', { now: FIXTURE_NOW })).toHaveLength(1);
	});

	it('accepts the dash variants that word processors put in', () => {
		for (const dash of ['-', '‐', '‑', '–', '−'])
			expect(scanIdentifiers(`010150${dash}1234`, { now: FIXTURE_NOW })[0]?.kind).toBe('cpr');
	});

	it('finds a CPR number written without a dash after CPR words, not after order words', () => {
		expect(scanIdentifiers('CPR-nr. 0101501234', { now: FIXTURE_NOW })).toHaveLength(1);
		expect(scanIdentifiers('Ordrenummer: 0101501234', { now: FIXTURE_NOW })).toEqual([]);
		// With the dash it is a CPR number whatever stands before it.
		expect(scanIdentifiers('Ordre 010150-1234', { now: FIXTURE_NOW })).toHaveLength(1);
	});
});
