/**
 * The parts of a Danish street address that every spelling of it shares: the street suffix,
 * the house number, the floor and door, the postcode and town. Quantifiers are bounded so a
 * long word costs at most a fixed amount of backtracking.
 */
export const SUFFIX =
	'(?:gade|vej|all[eé]|stræde|straede|plads|torv|boulevard|vænge|vaenge|have|bakke|park|kaj|brygge|sti|vang|passage)(?:en|et|n|t)?';
// "Istedgade 100", "nr. 7", "9D", "12 B"; not "14.30" (a time) nor "3 år" (a count).
export const NUMBER =
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
export const UNITS = `(?!\\s?(?:${UNIT_WORDS.join('|')})(?![\\p{L}]))`;
export const FLOOR = '(?:,?\\s(?:st|kl|\\d{1,2})\\.(?:\\s?(?:th|tv|mf|\\d{1,3})\\.?)?)?';
export const POSTCODE =
	'(?:,?\\s\\d{4}\\s\\p{Lu}[\\p{L}.]{1,30}(?:\\s(?:[A-ZÆØÅ]{1,2}|\\p{Lu}\\p{L}{1,30})(?![\\p{L}]))?)?';
