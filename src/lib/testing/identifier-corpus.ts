import type { IdentifierKind } from '$lib/domain/identifiers/hits';

/**
 * A corpus of field-note sentences as the team writes them (mostly Danish, some English): direct
 * identifiers in the spellings people actually use, and the numbers and words of ordinary notes
 * that look like them. Test-only; scanned with CORPUS_NAMES as the project's list of names and
 * FIXTURE_NOW as "today". Every identifier, name, address and number here is invented.
 */

export const CORPUS_NAMES = ['Søren Kristensen', 'Mette Holm', 'Jonas Berg', 'Ali Hassan', 'Karin'];

export interface CorpusPositive {
	kind: IdentifierKind;
	text: string;
	/** The identifier: a hit of `kind` must cover it. */
	hit: string;
}

const p = (kind: IdentifierKind, text: string, hit: string): CorpusPositive => ({
	kind,
	text,
	hit
});

export const CORPUS_POSITIVES: CorpusPositive[] = [
	// CPR numbers: with a space, with dots, in groups, and the usual spellings
	p(
		'cpr',
		'Hun viste mig sit sygesikringskort: 010150 1234, og bad mig skrive det ned.',
		'010150 1234'
	),
	p('cpr', 'Hans cpr står på recepten som 12.03.71-2345.', '12.03.71-2345'),
	p('cpr', 'CPR 24 06 88 1457 stod på papiret fra kommunen', '24 06 88 1457'),
	p('cpr', 'Han sagde sit personnummer højt: 05.11.79 3321', '05.11.79 3321'),
	p('cpr', 'Kortet lå på bordet (311265 1984) da jeg kom', '311265 1984'),
	p('cpr', 'Cpr.nr. 150385-2219 på skemaet fra Sundhedsrummet', '150385-2219'),
	p('cpr', 'Hun har skrevet 0704921234 på bagsiden af en seddel', '0704921234'),
	p('cpr', 'Personnr: 29.02.84-0666 (fra journalen)', '29.02.84-0666'),
	p('cpr', 'cpr 010203 4567 står på hans akutkort', '010203 4567'),
	p('cpr', 'His CPR number is 220977 1123, he said it twice.', '220977 1123'),
	p('cpr', 'Udskrivningsbrevet havde 300190-4421 øverst.', '300190-4421'),
	p('cpr', 'Sygesikringsbevis 18.07.62.3310 lå i hans pung', '18.07.62.3310'),
	// phone numbers: other groupings, glued to a word, and the usual spellings
	p('phone', 'Han gav mig sit nummer: 2345 67 89, hvis han blev syg.', '2345 67 89'),
	p('phone', 'Ring til Mads på 23 456 789 efter kl. 18', '23 456 789'),
	p('phone', 'Søsteren har nummeret 234 56 789', '234 56 789'),
	p('phone', 'Hun skrev tlf23456789 på en serviet', '23456789'),
	p('phone', 'mobil:26 71 45 90 (den nye)', '26 71 45 90'),
	p('phone', "Han sms'ede fra 40 12 34 56 i nat", '40 12 34 56'),
	p('phone', 'Nummeret til hendes kontaktperson er 31-456-789', '31-456-789'),
	p('phone', 'ring23456789 stod der med kuglepen på armen', '23456789'),
	p('phone', 'Kontakt: Bo, 51 23 4567', '51 23 4567'),
	p('phone', 'Hans nummer er 20.30.40.50 men han svarer aldrig', '20.30.40.50'),
	p('phone', 'Call her on +45 23 456 789 after six', '+45 23 456 789'),
	p('phone', 'nr. 28 19 46 73 – det er hans fars', '28 19 46 73'),
	p('phone', 'Hun ringer fra mobil61234567 når hun har strøm', '61234567'),
	p('phone', 'sms 2345-67-89 hvis der er nyt', '2345-67-89'),
	p('phone', 'Han ringede fra 0045 23456789 i nat', '0045 23456789'),
	p('phone', 'Skriv 42424242Mads på sedlen, sagde han', '42424242'),
	// e-mail addresses: "(at)", "[at]", " at ", "(dot)" and the usual form
	p('email', 'Hendes mail er anna.hansen(at)gmail.com', 'anna.hansen(at)gmail.com'),
	p('email', 'skriv til mads.k [at] hotmail.com', 'mads.k [at] hotmail.com'),
	p('email', 'Han stavede den: jens at gmail dot com', 'jens at gmail dot com'),
	p('email', 'kontakt: lise_n@live.dk', 'lise_n@live.dk'),
	p('email', 'mail mig på peter (at) outlook.dk', 'peter (at) outlook.dk'),
	p('email', 'Her e-mail is sara.j at yahoo.com', 'sara.j at yahoo.com'),
	p('email', 'bo.larsen[at]mail.dk står på hans visitkort', 'bo.larsen[at]mail.dk'),
	p('email', 'hans mail: k.olsen@jubii.dk.', 'k.olsen@jubii.dk'),
	p('email', 'anne.m(at)hotmail(dot)com skrev hun på sedlen', 'anne.m(at)hotmail(dot)com'),
	// street addresses: lower and upper case, abbreviated, streets without a suffix
	p('address', 'Han bor på istedgade 100 nu', 'istedgade 100'),
	p('address', 'ISTEDGADE 100, 2. TH står der på kuverten', 'ISTEDGADE 100'),
	p('address', 'Vi mødtes foran Istedg. 100', 'Istedg. 100'),
	p('address', 'hun sover hos sin søster på Vesterbrog. 55', 'Vesterbrog. 55'),
	p('address', 'Han bor i en lejlighed på Lygten 12', 'Lygten 12'),
	p('address', 'Mødested: Dybbølsbro 3 ved trappen', 'Dybbølsbro 3'),
	p('address', 'Hans værksted er Kødboderne 18', 'Kødboderne 18'),
	p('address', 'Hun flyttede til Åbenrå 7 i sommer', 'Åbenrå 7'),
	p('address', 'Sundholmsv. 8 er hvor hun bor nu', 'Sundholmsv. 8'),
	p('address', 'Gl. Kongevej 12, 1. sal', 'Gl. Kongevej 12'),
	p('address', 'han boede på halmtorvet 9 før', 'halmtorvet 9'),
	p('address', 'Han har fået en lejlighed på amagerbrogade 150', 'amagerbrogade 150'),
	p('address', 'Adresse: MYSUNDEGADE 8, 1668 KØBENHAVN V', 'MYSUNDEGADE 8'),
	p('address', 'Hun bor i Tagensvej 85 opgang C', 'Tagensvej 85'),
	p('address', 'Vi gik hjem til ham på Enghavev. 40', 'Enghavev. 40'),
	p('address', 'Hans mor bor på frederikssundsvej 200', 'frederikssundsvej 200'),
	p('address', 'He lives at Holmbladsgade 70 with his brother', 'Holmbladsgade 70'),
	p('address', 'Landemærket 10 er hvor hun sov i nat', 'Landemærket 10'),
	p('address', 'Hun sidder tit foran Gammel Mønt 4', 'Gammel Mønt 4'),
	p('address', 'Han fik post til Kattesundet 3', 'Kattesundet 3'),
	p('address', 'hun har et værelse på sønder boulevard 45', 'sønder boulevard 45'),
	p('address', 'Værestedet ligger på Skelbækg. 2', 'Skelbækg. 2'),
	p('address', 'Han bor på Rentemestervej 12, st. tv.', 'Rentemestervej 12'),
	p('address', 'The flat is on vesterbrogade 120', 'vesterbrogade 120'),
	p('address', 'Kvinden bor på Lygten 2B', 'Lygten 2B'),
	p('address', 'hun har adresse på sundholmsvej 8 st', 'sundholmsvej 8'),
	p('address', 'Han overnatter hos en ven, HOLMBLADSGADE 12', 'HOLMBLADSGADE 12'),
	p('address', 'Hun fik en bolig i Tingbjerg, Ruten 14', 'Ruten 14'),
	// listed names, abbreviated, and in full
	p('name', 'Søren K. kom forbi og spurgte efter metadon', 'Søren K'),
	p('name', 'Mette H sagde at hun ville med', 'Mette H'),
	p('name', 'S. Kristensen stod på listen i køen', 'S. Kristensen'),
	p('name', 'Jonas B. og hans hund sad ved Kvickly', 'Jonas B'),
	p('name', 'Ali H. havde fået en ny cykel', 'Ali H'),
	p('name', 'søren kristensen var der igen', 'søren kristensen'),
	p('name', 'Karins søster ringede', 'Karins'),
	p('name', 'Vi så M. Holm ved Halmtorvet', 'M. Holm'),
	p('name', 'J. Berg var meget påvirket i dag', 'J. Berg'),
	// number plates
	p('plate', 'Bilen, AB 12 345, holdt der igen', 'AB 12 345')
];

/** Ordinary field-note sentences: none of them may be flagged. */
// prettier-ignore
export const CORPUS_LOOK_ALIKES: string[] = [
	// dates
	'Mødet er d. 12.03.2024 kl. 10 på Mændenes Hjem',
	'Han fik sin sidste dosis 24-12-2025 om morgenen',
	'Vi sås sidst 3/11 og igen 17/11',
	'Noter fra 2025-11-03, skrevet på bænken',
	'Han blev løsladt 01.02.26 og kom direkte hertil',
	'Fra d. 24.12.25 kl. 14.30 til nytår var hun væk',
	// times
	'Kl. 14.30 sad fire mand på trappen ved Halmtorvet',
	'Åbent 08.00-15.30 på hverdage, 10-14 i weekenden',
	'Vi gik fra 22:45 til 01:15 rundt i Kødbyen',
	'Kl. 23.45 kom der 2 betjente og 1 vagt',
	// prices and amounts
	'En pose koster 150 kr. og en halv 80 kr.',
	'Han skylder 2.500,- til en fyr på Vesterbro',
	'Kontanthjælpen er 12.345 kr om måneden, sagde han',
	'Huslejen er 4 500 kr. for værelset',
	'Han havde 1 250 000 kr i gæld, påstod han',
	'Strømregning på 2.345,50 kr. og 1.200 kr. i varme',
	// postcodes
	'Hun er flyttet fra 1620 København V til 2400 NV',
	'Sundholm ligger i 2300 S, ikke i 2450 SV',
	'Postnumrene 2400 og 2450 blev nævnt',
	// doses
	'Han får 80 mg metadon om dagen, før 120 mg',
	'Hun tager 2 x 40 mg og en halv tablet om aftenen',
	'Han siger han bruger 0,5 g om dagen, nogle dage 1 g',
	'Hun fik 4 mg Suboxone på Sundhedsrummet',
	'Dosis nedsat fra 110 til 90 mg i uge 12',
	'She takes 60 mg methadone, down from 90 mg',
	// bus lines
	'Vi tog linje 10 og skiftede til 5C ved Enghave Plads',
	'Bus 1A mod Hvidovre holdt ved Dybbølsbro Station',
	'Han sover i 250S om natten når det er koldt',
	'Bus 6A at 10:15, then line 10 to Sundholm',
	// participant codes
	'VB-014 og NV-003 mødtes ved Halmtorvet',
	'SH-021 fortalte om sin søster; VB-007 lyttede',
	'Interview med VB-114, varighed 45 min',
	// H3 cell ids
	'Celle 891f05a4c03ffff havde flest noter',
	'Cell 881f05a4c1fffff (res 8) was suppressed',
	'Kortet viser 8a1f05a4c617fff som tom',
	// case, journal and receipt numbers
	'Sagsnr. 2023-145678 fra kommunen om boligen',
	'j.nr. 24/01234 i politiets brev',
	'Journalnr. 2023/045512 fra Hvidovre Hospital',
	'Han viste mig kvittering 45678901 fra Netto',
	'Reg. 1234 konto 12345678 til kontanthjælpen',
	// short numbers, ages, years, counts
	'Hun ringede 112 og så 1813 bagefter',
	'Ring 114 hvis det ikke haster, sagde betjenten',
	'Han er 45 år og har boet på gaden i 12 år',
	'Fra 2019 til 2023 boede han på herberget',
	'I uge 37 og 38 var der razzia hver dag',
	'Han har siddet inde 3 gange siden 2015',
	'Han har 14 dage tilbage af sin dom på 60 dage',
	'Lejligheden er på 45 m2 med 2 værelser',
	'Score 3-2 til FCK i går, sagde han glad',
	'Vi talte om 2024-2025 og om fremtiden',
	'We walked 2.5 km along Istedgade in 40 minutes',
	// streets and places without a house number
	'Vi stod på Istedgade i 3 timer og talte',
	'Halmtorvet 2 gange om ugen, siger hun',
	'Han sov på Halmtorvet 2 nætter i træk',
	'Vi gik ned ad istedgade kl. 14 og op ad Vesterbrogade kl. 15',
	'Mændenes Hjem har 40 sengepladser',
	'Der stod i gaden 12 mennesker i kø',
	'Han tændte lygten 2 gange i løbet af natten',
	'Han stod ved Lygten i 20 minutter',
	'H17 har åbent til kl. 22',
	'Han har værelse 204 på Sundholm',
	'Café Dugnad serverer 60 portioner',
	'Vi holdt pause ved Enghave Plads i 10 minutter',
	'Skelbækgade er lukket pga. vejarbejde i 3 uger',
	'Hun kørte ad motorvej 21 mod Køge',
	// names that are not on the list
	'Søren kom forbi, men ikke ham fra listen',
	'Sørensen fra kommunen ringede',
	'Mette fra Sundhedsrummet sagde hej',
	'Vi læste Søren Kierkegaard højt på trappen',
	'Han gik ned ad Holmbladsgade',
	'Karina kom også',
	'Ali kom senere med sin hund',
	'Jonas i hvalens bug, sagde han og grinede',
	// e-mail-like
	'Han sagde at borger.dk krævede MitID',
	'Hun mener at sundhed.dk viser hendes recept',
	'We met at 14.30 at the station',
	'Mødes @ Halmtorvet kl. 12',
	'Read more at kk.dk about the shelters',
	'Instagram: @vesterbro_streetlife',
	// other numbers
	'Han har MitID-kode 482913 skrevet på hånden',
	'ID-kort nummer 123456 var udløbet'
];
