import { isValidPhoneNumber } from 'libphonenumber-js';
import { afterIdWord } from './context';
import { hit, type IdentifierHit } from './hits';

/**
 * Danish phone numbers: eight digits in the spellings people use (12345678, 12 34 56 78,
 * 1234 5678, 12-34-56-78, 12.34.56.78, and other groupings of two to four digits with one kind
 * of separator: 23 456 789, 2345 67 89, 51 23 4567), optionally after +45, 0045, (+45) or
 * (0045), and glued to a word that says what it is ("tlf23456789") or to a name after it
 * ("42424242Mads"). A candidate counts only if libphonenumber-js says it is a valid Danish
 * number, which rules out numbers in ranges that are never issued (e.g. 1xxxxxxx, 0xxxxxxx).
 */
const SEP = '[ \\u00a0.-]';
const PREFIX = `(?:\\(\\s?(?:\\+|00)\\s?45\\s?\\)|(?:\\+|00)\\s?45)${SEP}?`;
const BODY = `\\d{8}|\\d{2,4}(?<s>${SEP})\\d{2,4}(?:\\k<s>\\d{2,4}){0,2}`;
// Not glued to other digits ("4571 2345 6789 0123" is a card, "1.23456789" a decimal); letters
// around it are looked at below.
const PHONE = new RegExp(
	`(?<![\\p{N}_+]|\\p{N}[.,:/-]|\\p{N}{2}[ \\u00a0])(?<prefix>${PREFIX})?(?:${BODY})(?![\\p{N}_]|[.,:/-]\\p{N}|[ \\u00a0]\\p{N}{2})`,
	'gu'
);

// An amount ("kr. 2500 3000", "25 00 30 00 kr", "12345678,-") is not a phone number.
const MONEY_BEFORE = /(?:kr\.?|dkk|€|\$|£)\s?$/iu;
const MONEY_AFTER = /^(?:\s?(?:kr\b|kr\.|dkk|€|%)|,-)/iu;
// A word glued before the digits must say "phone": "tlf23456789", "ring23456789", "mobil:…".
const PHONE_WORD =
	/(?:^|[^\p{L}])(?:tlf|tlfnr|tel|telefon|mobil|mobilnr|mob|ring|sms|nr|nummer|phone|call|mobile|cell)[.:]?$/iu;
// A word glued after them may be a name ("42424242Mads"); a unit ("mg"), a code or the rest of
// a hex id (an H3 cell) is not.
const GLUED_AFTER = /^\p{Lu}\p{Ll}/u;

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

/** Eight digits in groups of 2-2-4 or 4-2-2 are a date far more often ("24-12-2025"). */
function dateShaped(candidate: string): boolean {
	const groups = candidate.split(/\D+/).map((g) => g.length);
	const shape = groups.join('-');
	return shape === '8' || shape === '2-2-4' || shape === '4-2-2';
}

/** What stands right before and after the digits, where a letter touches them. */
function gluedOk(text: string, start: number, end: number): boolean {
	if (start > 0 && /\p{L}/u.test(text[start - 1]!)) {
		if (!PHONE_WORD.test(text.slice(Math.max(0, start - 12), start))) return false;
	} else if (start > 0 && /[.:]/.test(text[start - 1]!) && /\p{L}/u.test(text[start - 2] ?? '')) {
		// "tlf.23456789" reads as the phone word's abbreviation; any other word glued by a dot is not.
		if (!PHONE_WORD.test(text.slice(Math.max(0, start - 12), start))) return false;
	}
	if (end < text.length && /\p{L}/u.test(text[end]!)) {
		if (!GLUED_AFTER.test(text.slice(end, end + 2))) return false;
	}
	return true;
}

export function findPhones(text: string): IdentifierHit[] {
	const hits: IdentifierHit[] = [];
	for (const m of text.matchAll(PHONE)) {
		const start = m.index;
		const end = start + m[0].length;
		const prefix = m.groups?.['prefix'];
		const body = m[0].slice(prefix?.length ?? 0);
		const national = body.replace(/\D/g, '');
		if (national.length !== 8) continue;
		if (!prefix && dateShaped(body) && looksLikeDate(national)) continue;
		if (!prefix && isYearRange(body)) continue;
		if (MONEY_BEFORE.test(text.slice(Math.max(0, start - 5), start))) continue;
		if (MONEY_AFTER.test(text.slice(end, end + 5))) continue;
		if (!prefix && afterIdWord(text, start)) continue;
		if (!gluedOk(text, start, end)) continue;
		if (!isValidPhoneNumber(national, 'DK')) continue;
		hits.push(hit('phone', text, start, end));
	}
	return hits;
}
