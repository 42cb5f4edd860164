import { fold } from '../text/fold';
import { FLOOR, NUMBER, POSTCODE, UNITS } from './address-parts';
import { hit, type IdentifierHit } from './hits';
import { STREET_NAMES } from './street-names';

/**
 * Street addresses as they are typed in a hurry, beside the capitalised form address.ts finds:
 * in lower case ("istedgade 100"), in capitals ("ISTEDGADE 100"), abbreviated ("Istedg. 100",
 * "Sundholmsv. 8") and the field area's streets named without a street suffix ("Lygten 12",
 * "Åbenrå 7"). Each still needs a house number that is not a quantity ("Halmtorvet 2 gange").
 */
const TAIL = `${NUMBER}${UNITS}${FLOOR}${POSTCODE}`;

// Lower case: only suffixes that are no everyday word ending ("alle" is "everyone", "plads" a
// place), with the common nouns that end in them left out below.
const LOWER = /^\p{Ll}[\p{Ll}'-]{2,40}(?:gade|vej|stræde|straede|boulevard)(?:en|n)?$/u;
const NOT_STREETS = new Set(
	(
		'motorvej hovedvej omvej sidevej landevej forvej genvej udvej flugtvej cykelvej grusvej ' +
		'markvej skovvej privatvej blindvej adgangsvej kørevej luftvej gågade sidegade hovedgade ' +
		'tværgade baggade bygade parallelgade'
	)
		.split(' ')
		.map(fold)
);
// Capitals: every suffix ("MYSUNDEGADE 8", "HALMTORVET 9").
const CAPITALS =
	/^\p{Lu}[\p{Lu}'-]{2,40}(?:GADE|VEJ|ALL[EÉ]|STRÆDE|STRAEDE|PLADS|TORV|BOULEVARD|VÆNGE|HAVE|BAKKE|PARK|KAJ|BRYGGE|STI|VANG|PASSAGE)(?:EN|ET|N|T)?$/u;
// Abbreviated suffix, capitalised: "Istedg. 100", "Vesterbrog. 55", "Enghavev. 40", "Skelbækg. 2".
const ABBREVIATED = /^\p{Lu}\p{Ll}{2,30}(?:g|gd|v|vj|pl|str|blvd)\.$/u;

function genericStreet(word: string): boolean {
	if (CAPITALS.test(word) || ABBREVIATED.test(word)) return true;
	if (!LOWER.test(word)) return false;
	const bare = fold(word);
	return ![bare, bare.replace(/n$/, ''), bare.replace(/en$/, '')].some((w) => NOT_STREETS.has(w));
}

const HAS_SUFFIX =
	/(?:gade|vej|alle|straede|plads|torv|boulevard|vaenge|have|bakke|park|kaj|brygge|sti|vang|passage)(?:en|et|n|t)?$/;

function key(name: string): string {
	return fold(name).replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

/** Each listed street under its own name and the abbreviations people write. */
function listedStreets(): Map<string, boolean> {
	const out = new Map<string, boolean>();
	const add = (k: string, suffixed: boolean) => {
		if (!out.has(k)) out.set(k, suffixed);
	};
	for (const name of STREET_NAMES) {
		const k = key(name);
		const suffixed = HAS_SUFFIX.test(k);
		add(k, suffixed);
		const short = k
			.replace(/^gammel /, 'gl ')
			.replace(/^sonder /, 'sdr ')
			.replace(/^nordre /, 'ndr ')
			.replace(/^sankt /, 'skt ')
			.replace(/^store /, 'st ');
		add(short, suffixed);
		for (const [full, abbr] of [
			['gade', 'g'],
			['gade', 'gd'],
			['vej', 'v'],
			[' plads', ' pl'],
			[' alle', ' all'],
			[' boulevard', ' blvd'],
			['straede', 'str']
		] as const)
			if (short.endsWith(full)) add(short.slice(0, -full.length) + abbr, true);
	}
	return out;
}

/** Folded street name (dots dropped) → whether it has a street suffix of its own. */
const LISTED = listedStreets();

// Every spelling is found from its house number: numbers are far rarer than words, so the words
// before each number are looked at instead of trying every word as a street.
const HOUSE = new RegExp(`(?<=[ \\u00a0])${TAIL}`, 'gu');
const WORD_CHAR = /[\p{L}.'’-]/u;
const LETTER = /\p{L}/u;
const BOUNDARY = /[\p{L}\p{N}_]/u;
const CAPITAL = /^\p{Lu}/u;

/** Up to four words, one space apart, that end one space before `at`, with where each starts. */
function wordsBefore(text: string, at: number): { word: string; start: number }[] {
	const words: { word: string; start: number }[] = [];
	let end = at - 1; // the space before the number
	while (words.length < 4 && end > 0) {
		let start = end;
		while (start > 0 && end - start < 40 && WORD_CHAR.test(text[start - 1]!)) start--;
		while (start < end && !LETTER.test(text[start]!)) start++;
		if (start === end || (start > 0 && BOUNDARY.test(text[start - 1]!))) break;
		words.unshift({ word: text.slice(start, end), start });
		if (start < 2 || !/[ \u00a0]/.test(text[start - 1]!)) break;
		end = start - 1;
	}
	return words;
}

/** Where the street before a house number starts, or -1: a listed street, then any spelling. */
function streetStart(text: string, at: number): number {
	const words = wordsBefore(text, at);
	for (let k = words.length; k >= 1; k--) {
		const name = words
			.slice(-k)
			.map((w) => w.word)
			.join(' ');
		const suffixed = LISTED.get(key(name));
		if (suffixed === undefined) continue;
		// "lygten" is a lantern and "ruten" a route: a street without a suffix needs its capital.
		if (!suffixed && !CAPITAL.test(name)) continue;
		return words.at(-k)!.start;
	}
	const last = words.at(-1);
	return last && genericStreet(last.word) ? last.start : -1;
}

export function findAddressForms(text: string): IdentifierHit[] {
	const hits: IdentifierHit[] = [];
	for (const m of text.matchAll(HOUSE)) {
		const start = streetStart(text, m.index);
		if (start >= 0) hits.push(hit('address', text, start, m.index + m[0].length));
	}
	return hits;
}
