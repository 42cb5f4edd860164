import { hit, type IdentifierHit } from './hits';

/**
 * Danish street addresses with a house number: "Istedgade 100", "Halmtorvet 17, 2. th.",
 * "Sundholmsvej 8", "Enghave Plads 4", "H.C. Andersens Boulevard 27, 1553 København V".
 * A street name is a capitalised word ending in a street suffix (Istedgade, Halmtorvet with the
 * definite -et), or capitalised words followed by a separate suffix word (Enghave Plads), or one of
 * the named streets that have no suffix (Nyhavn). Quantifiers are bounded so a long word costs at
 * most a fixed amount of backtracking.
 */
const SUFFIX =
	'(?:gade|vej|all[eé]|stræde|straede|plads|torv|boulevard|vænge|vaenge|have|bakke|park|kaj|brygge|sti|vang|passage)(?:en|et|n|t)?';
const WORD = "\\p{Lu}[\\p{L}'.-]{0,30}";
// Words that often stand before a compound street name ("Gammel Kongevej", "Ny Kongensgade").
const LEAD =
	'(?:(?:Gammel|Gl\\.|Gamle|Ny|Nye|Store|St\\.|Lille|Nørre|Sønder|Øster|Vester|Sankt|Skt\\.|Kongens|Dronningens|Prinsesse|Lange|Indre|Ydre)\\s)?';
const COMPOUND = `${LEAD}\\p{Lu}[\\p{L}'.-]{0,40}?${SUFFIX}`;
const SEPARATE = `(?:${WORD}\\s){1,3}(?:Gade|Vej|All[eé]|Stræde|Plads|Torv|Boulevard|Vænge|Have|Bakke|Park|Kaj|Brygge|Sti|Vang|Passage)(?:en|et|n|t)?`;
const NAMED =
	'(?:Nyhavn|Strøget|Gammel Strand|Ved Stranden|Holmens Kanal|Vimmelskaftet|Frederiksholms Kanal|Christianshavns Kanal|Overgaden (?:neden|oven) Vandet|Peblinge Dossering|Sortedam Dossering|Skt\\. Hans Torv)';
// "Istedgade 100", "nr. 7", "9D", "12 B"; not "14.30" (a time) nor "3 år" (a count).
const NUMBER =
	'(?:nr\\.?\\s?)?\\d{1,3}(?:(?:\\s?[A-Z]|[a-z])(?![\\p{L}]))?(?![\\p{N}]|[.,:]\\p{N})';
// A number followed by a unit or a count noun is a quantity: "Halmtorvet 2 nætter", "3 øl".
// prettier-ignore
const UNIT_WORDS = [
	'år', 'gange?', 'timer?', 'min', 'minutter', 'sek', 'dage?', 'døgn', 'uger?', 'måneder?',
	'nætter', 'nat', 'aftener', 'morgener', 'weekender', 'kr', 'kroner', 'øre', 'km', 'm', 'meter',
	'personer', 'mennesker', 'folk', 'mænd', 'kvinder', 'børn', 'hunde', 'betjente', 'vagter', 'stk',
	'procent', 'gram', 'g', 'mg', 'ml', 'cl', 'dl', 'l', 'liter', 'øl', 'bajere', 'dåser', 'flasker',
	'poser', 'piller', 'tabletter', 'cigaretter', 'smøger', 'years?', 'times?', 'minutes?',
	'hours?', 'days?', 'weeks?', 'nights?', 'people', 'men', 'women', 'beers?', 'bags?', 'pills?'
];
const UNITS = `(?!\\s?(?:${UNIT_WORDS.join('|')})(?![\\p{L}]))`;
const FLOOR = '(?:,?\\s(?:st|kl|\\d{1,2})\\.(?:\\s?(?:th|tv|mf|\\d{1,3})\\.?)?)?';
const POSTCODE =
	'(?:,?\\s\\d{4}\\s\\p{Lu}[\\p{L}.]{1,30}(?:\\s(?:[A-ZÆØÅ]{1,2}|\\p{Lu}\\p{L}{1,30})(?![\\p{L}]))?)?';

const ADDRESS = new RegExp(
	`(?<![\\p{L}\\p{N}_])(?:${NAMED}|${SEPARATE}|${COMPOUND})(?![\\p{L}])\\s${NUMBER}${UNITS}${FLOOR}${POSTCODE}`,
	'gu'
);

export function findAddresses(text: string): IdentifierHit[] {
	return [...text.matchAll(ADDRESS)].map((m) =>
		hit('address', text, m.index, m.index + m[0].length)
	);
}
