import { afterIdWord } from './context';
import { hit, type IdentifierHit } from './hits';

/**
 * Danish CPR numbers, DDMMYY-SSSS or DDMMYYSSSS, that carry a real, past date of birth.
 *
 * The century comes from the 7th digit together with the year (CPR-kontoret, "Personnummeret i
 * CPR-systemet", 2008):
 *   7th digit 0–3: 1900–1999
 *   7th digit 4 or 9: 2000–2036 when YY ≤ 36, else 1937–1999
 *   7th digit 5–8: 2000–2057 when YY ≤ 57, else 1858–1899
 * The modulus-11 check is NOT applied: since 2007 numbers are issued that fail it, and missing one
 * of those is a leak, while flagging a non-CPR costs a tap.
 */
export function cprCentury(seventh: number, yy: number): number {
	if (seventh <= 3) return 1900;
	if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
	return yy <= 57 ? 2000 : 1800;
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) {
		const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
		return leap ? 29 : 28;
	}
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The date of birth a CPR number encodes, or null if it is not a real date (or in the future). */
export function cprBirthDate(digits: string, now = Date.now()): Date | null {
	if (!/^\d{10}$/.test(digits)) return null;
	const day = Number(digits.slice(0, 2));
	const month = Number(digits.slice(2, 4));
	const yy = Number(digits.slice(4, 6));
	const year = cprCentury(Number(digits[6]), yy) + yy;
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	const date = new Date(Date.UTC(year, month - 1, day));
	// A number is given at birth: a date after today is an id or an order number, not a CPR.
	return date.getTime() <= now ? date : null;
}

/** The modulus-11 check, for information only (tests use it to prove failing numbers are found). */
export function passesModulus11(digits: string): boolean {
	const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
	let sum = 0;
	for (let i = 0; i < 10; i++) sum += Number(digits[i]) * weights[i]!;
	return sum % 11 === 0;
}

// DDMMYY, its parts alone or split by dots or spaces ("12.03.71", "24 06 88"), then the serial
// number after a dash, a space, a dot or nothing. Not part of a longer number, word, decimal
// ("1.2412251234"), phone ("+4512…") or tag ("#…").
const DASH = '[-‐‑–−]';
const CPR = new RegExp(
	`(?<![\\p{L}\\p{N}_+#]|\\p{N}[.,:/ \\u00a0-])(\\d{2})([. \\u00a0]?)(\\d{2})\\2(\\d{2})(${DASH}|[ \\u00a0.]|)(\\d{4})(?![\\p{L}\\p{N}_]|[.,:/-]\\p{N}|[ \\u00a0]\\p{N})`,
	'gu'
);
const IS_DASH = new RegExp(`^${DASH}$`, 'u');

export function findCpr(text: string, now = Date.now()): IdentifierHit[] {
	const hits: IdentifierHit[] = [];
	for (const m of text.matchAll(CPR)) {
		const digits = m[1]! + m[3]! + m[4]! + m[6]!;
		if (!cprBirthDate(digits, now)) continue;
		// Only the dash is CPR's own spelling: after "ordre", "faktura"… ten digits written
		// otherwise are that number, not a CPR number.
		if (!IS_DASH.test(m[5]!) && afterIdWord(text, m.index)) continue;
		hits.push(hit('cpr', text, m.index, m.index + m[0].length));
	}
	return hits;
}
