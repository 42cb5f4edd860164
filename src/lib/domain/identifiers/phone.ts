import { isValidPhoneNumber } from 'libphonenumber-js';
import { afterIdWord } from './context';
import { hit, type IdentifierHit } from './hits';

/**
 * Danish phone numbers: eight digits in the spellings people use (12345678, 12 34 56 78,
 * 1234 5678, 12-34-56-78, 12.34.56.78), optionally after +45, 0045, (+45) or (0045). A
 * candidate counts only if libphonenumber-js says it is a valid Danish number, which rules out
 * numbers in ranges that are never issued (e.g. 1xxxxxxx, 0xxxxxxx).
 */
const SEP = '[ \\u00a0.-]';
const PREFIX = `(?:\\(\\s?(?:\\+|00)\\s?45\\s?\\)|(?:\\+|00)\\s?45)${SEP}?`;
const BODY = [
	'\\d{8}',
	'\\d{2}(?<s>[ \\u00a0.-]?)\\d{2}\\k<s>\\d{2}\\k<s>\\d{2}',
	`\\d{4}${SEP}\\d{4}`,
	'\\d{3} \\d{2} \\d{3}'
].join('|');
// Not glued to letters or to other digits ("4571 2345 6789 0123" is a card, "1.23456789" a decimal).
const PHONE = new RegExp(
	`(?<![\\p{L}\\p{N}_+]|\\p{N}[.,:/-]|\\p{N}{2}[ \\u00a0])(?<prefix>${PREFIX})?(?:${BODY})(?![\\p{L}\\p{N}_]|[.,:/-]\\p{N}|[ \\u00a0]\\p{N}{2})`,
	'gu'
);

// An amount ("kr. 2500 3000", "25 00 30 00 kr", "12345678,-") is not a phone number.
const MONEY_BEFORE = /(?:kr\.?|dkk|€|\$|£)\s?$/iu;
const MONEY_AFTER = /^(?:\s?(?:kr\b|kr\.|dkk|€|%)|,-)/iu;

function plausibleDate(year: number, month: number, day: number): boolean {
	return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Eight unbroken digits that read as DDMMYYYY or YYYYMMDD are far more often a date. */
function looksLikeDate(d: string): boolean {
	const n = (a: number, b: number) => Number(d.slice(a, b));
	return plausibleDate(n(4, 8), n(2, 4), n(0, 2)) || plausibleDate(n(0, 4), n(4, 6), n(6, 8));
}

/** "2024-2025", "1999 2000": two years, not one number. */
function isYearRange(candidate: string): boolean {
	const m = /^(\d{4})\D(\d{4})$/.exec(candidate);
	return !!m && [m[1], m[2]].every((y) => Number(y) >= 1900 && Number(y) <= 2099);
}

export function findPhones(text: string): IdentifierHit[] {
	const hits: IdentifierHit[] = [];
	for (const m of text.matchAll(PHONE)) {
		const start = m.index;
		const end = start + m[0].length;
		const prefix = m.groups?.['prefix'];
		const national = m[0].slice(prefix?.length ?? 0).replace(/\D/g, '');
		if (!prefix && /^\d{8}$/.test(m[0]) && looksLikeDate(m[0])) continue;
		if (!prefix && isYearRange(m[0])) continue;
		if (MONEY_BEFORE.test(text.slice(Math.max(0, start - 5), start))) continue;
		if (MONEY_AFTER.test(text.slice(end, end + 5))) continue;
		if (!prefix && afterIdWord(text, start)) continue;
		if (!isValidPhoneNumber(national, 'DK')) continue;
		hits.push(hit('phone', text, start, end));
	}
	return hits;
}
