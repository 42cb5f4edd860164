import { hit, type IdentifierHit } from './hits';

/**
 * E-mail addresses, found from each "@" outwards so the cost stays linear in the text length
 * (a single regex with a leading `[...]+` backtracks over every long word in a 100 kB note).
 * Limits from RFC 5321 §4.5.3.1: local part ≤ 64 octets, labels ≤ 63.
 */
const LOCAL = /[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]/u;
const DOMAIN =
	/(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}-])/uy;

export function findEmails(text: string): IdentifierHit[] {
	const hits: IdentifierHit[] = [];
	let at = text.indexOf('@');
	let floor = 0; // never start a local part inside the previous hit
	while (at !== -1) {
		let start = at;
		while (start > floor && at - start < 64 && LOCAL.test(text[start - 1]!)) start--;
		while (start < at && text[start] === '.') start++; // a sentence's full stop is not part of it
		DOMAIN.lastIndex = at + 1;
		const domain = start < at ? DOMAIN.exec(text) : null;
		if (domain) {
			const end = at + 1 + domain[0].length;
			hits.push(hit('email', text, start, end));
			floor = end;
		}
		at = text.indexOf('@', at + 1);
	}
	return hits;
}

/*
 * Addresses spelled out so that a harvester would not find them: "anna(at)gmail.com",
 * "mads.k [at] hotmail.com", "jens at gmail dot com", "bo snabel-a mail.dk". A bracketed "at"
 * or "snabel-a" says it is an address; a bare " at " is also a preposition and a Danish
 * conjunction ("han sagde at borger.dk …"), so it counts only when the part before it looks like
 * an address's (a dot, a digit, "_", "+", "-") or the domain is a mail provider.
 */
// Case spelled out rather than with the i flag: a case-insensitive Unicode scan is several times
// slower, and "AT" in capitals is rare.
const SPELLED_AT =
	/[([{]\s?[aA][tT]\s?[)\]}]|-[aA][tT]-|(?<!\p{L})snabel-?a(?=\s)|(?<=\s)[aA][tT](?=\s)/gu;
const SPELLED_DOT =
	'(?:\\.|\\s?[([{]\\s?(?:dot|punktum|prik)\\s?[)\\]}]\\s?|\\s(?:dot|punktum|prik)\\s)';
const SPELLED_DOMAIN = new RegExp(
	`\\s?((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?${SPELLED_DOT}){1,8}\\p{L}{2,24})(?![\\p{L}\\p{N}-])`,
	'iuy'
);
const LOCAL_SIGN = /[._+\d-]/u;
const SPACE = /\s/u;
const MAIL_HOSTS = new Set(
	'gmail googlemail hotmail outlook live msn yahoo icloud me mac aol gmx proton protonmail mail email post jubii webspeed stofanet youmail ofir sol tdcadsl'.split(
		' '
	)
);

export function findSpelledEmails(text: string): IdentifierHit[] {
	const hits: IdentifierHit[] = [];
	for (const at of text.matchAll(SPELLED_AT)) {
		let end = at.index; // the local part ends here ("jens at …": before one space)
		if (end > 0 && SPACE.test(text[end - 1]!)) end--;
		let start = end;
		while (start > 0 && end - start < 64 && LOCAL.test(text[start - 1]!)) start--;
		while (start < end && text[start] === '.') start++;
		if (start === end) continue;
		SPELLED_DOMAIN.lastIndex = at.index + at[0].length;
		const domain = SPELLED_DOMAIN.exec(text);
		if (!domain) continue;
		if (at[0].trim().toLowerCase() === 'at') {
			const host = domain[1]!.split(/[^\p{L}\p{N}-]/u)[0]!.toLowerCase();
			if (!LOCAL_SIGN.test(text.slice(start, end)) && !MAIL_HOSTS.has(host)) continue;
		}
		hits.push(hit('email', text, start, SPELLED_DOMAIN.lastIndex));
	}
	return hits;
}
