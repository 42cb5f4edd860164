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
