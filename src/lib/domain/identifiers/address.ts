import { findAddressForms } from './address-forms';
import { FLOOR, NUMBER, POSTCODE, SUFFIX, UNITS } from './address-parts';
import { hit, type IdentifierHit } from './hits';

/**
 * Danish street addresses with a house number: "Istedgade 100", "Halmtorvet 17, 2. th.",
 * "Sundholmsvej 8", "Enghave Plads 4", "H.C. Andersens Boulevard 27, 1553 København V".
 * A street name is a capitalised word ending in a street suffix (Istedgade, Halmtorvet with the
 * definite -et), or capitalised words followed by a separate suffix word (Enghave Plads), or one of
 * the named streets that have no suffix (Nyhavn). Quantifiers are bounded so a long word costs at
 * most a fixed amount of backtracking. Lower case, capitals, abbreviations ("Istedg. 100") and
 * the field area's streets without a suffix ("Lygten 12") are in address-forms.ts.
 */
const WORD = "\\p{Lu}[\\p{L}'.-]{0,30}";
// Words that often stand before a compound street name ("Gammel Kongevej", "Ny Kongensgade").
const LEAD =
	'(?:(?:Gammel|Gl\\.|Gamle|Sdr\\.|Ndr\\.|Ny|Nye|Store|St\\.|Lille|Nørre|Sønder|Øster|Vester|Sankt|Skt\\.|Kongens|Dronningens|Prinsesse|Lange|Indre|Ydre)\\s)?';
const COMPOUND = `${LEAD}\\p{Lu}[\\p{L}'.-]{0,40}?${SUFFIX}`;
const SEPARATE = `(?:${WORD}\\s){1,3}(?:Gade|Vej|All[eé]|Stræde|Plads|Torv|Boulevard|Vænge|Have|Bakke|Park|Kaj|Brygge|Sti|Vang|Passage)(?:en|et|n|t)?`;
const NAMED =
	'(?:Nyhavn|Strøget|Gammel Strand|Ved Stranden|Holmens Kanal|Vimmelskaftet|Frederiksholms Kanal|Christianshavns Kanal|Overgaden (?:neden|oven) Vandet|Peblinge Dossering|Sortedam Dossering|Skt\\. Hans Torv)';
const ADDRESS = new RegExp(
	`(?<![\\p{L}\\p{N}_])(?:${NAMED}|${SEPARATE}|${COMPOUND})(?![\\p{L}])\\s${NUMBER}${UNITS}${FLOOR}${POSTCODE}`,
	'gu'
);

export function findAddresses(text: string): IdentifierHit[] {
	return [
		...[...text.matchAll(ADDRESS)].map((m) => hit('address', text, m.index, m.index + m[0].length)),
		...findAddressForms(text)
	];
}
