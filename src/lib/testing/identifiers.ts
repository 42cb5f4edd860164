import type { IdentifierKind } from '$lib/domain/identifiers/hits';

/** "Today" for the fixtures, so CPR numbers of young people stay in the past whatever the clock. */
export const FIXTURE_NOW = Date.UTC(2026, 5, 1);

/**
 * Real-date CPR numbers, half with the dash: every century rule of the 7th digit (0–3, 4, 5–8,
 * 9, with years on both sides of 36 and 57), leap days (2000 is one, 1900 is not: 1896, 1996,
 * 2004, 2020), and mostly numbers that FAIL the modulus-11 check (issued since 2007).
 */
// prettier-ignore
export const TRUE_CPR = [
	'010150-0331', '1503791970', '311299-2154', '2902963404', '290284-0666', '0101000049',
	'280200-1074', '2902044840', '1505374548', '311299-4096', '2902164374', '290200-5596',
	'2902206059', '3108128931', '101010-5519', '0101585219', '290296-7038', '3112998088',
	'150660-6444', '2902885428', '121212-9071', '2902089246', '010137-9092', '3101709564',
	'280299-9434', '1911803970', '131073-0050', '2809053136', '180353-4120', '2709399698',
	'191013-2654', '1802473729', '200172-1210', '1409877795', '301059-5464', '0304892588',
	'290867-4351', '0607651775', '140819-5040', '1909971808', '261063-9467', '1605111713',
	'231207-1317', '1008879733', '010685-6963', '0701631786', '081216-4407', '0602636459',
	'290570-6140', '2305706425', '310787-5236', '0503102237', '270801-3603', '0105332149',
	'200668-6579', '2812165527', '241183-9055', '2611997572', '131161-1063', '1504083166'
];

/** Sentences a CPR number is dropped into, so boundaries and punctuation are exercised. */
export const CPR_FRAMES = [
	(c: string) => `CPR: ${c}`,
	(c: string) => `Hun sagde at hendes cpr-nr. er ${c}.`,
	(c: string) => `(${c})`,
	(c: string) => c,
	(c: string) => `${c}, ringede bagefter`,
	(c: string) => `personnummer ${c}\nnæste linje`
];

export interface Expected {
	text: string;
	kind: IdentifierKind;
	/** The part of `text` that must be the hit. */
	hit: string;
}

const e = (kind: IdentifierKind, text: string, hit: string): Expected => ({ kind, text, hit });

export const NAMES = ['Søren Ravn', 'Ole', 'Anne Marie', 'José', 'Bo'];

export const TRUE_OTHERS: Expected[] = [
	e('phone', 'Ring til 23456789 i aften', '23456789'),
	e('phone', 'tlf. 23 45 67 89', '23 45 67 89'),
	e('phone', 'Mobil 2345 6789.', '2345 6789'),
	e('phone', 'nummeret er +45 33 12 34 56', '+45 33 12 34 56'),
	e('phone', '+4540404040', '+4540404040'),
	e('phone', 'ring 0045 70 10 10 10 i morgen', '0045 70 10 10 10'),
	e('phone', '(+45) 28 28 28 28', '(+45) 28 28 28 28'),
	e('phone', '(0045) 50505050', '(0045) 50505050'),
	e('phone', 'sms 60-60-60-60', '60-60-60-60'),
	e('phone', 'hans nye nummer: 31.41.59.26', '31.41.59.26'),
	e('phone', '+45 2718 2818', '+45 2718 2818'),
	e('phone', 'tlf 911 22 333', '911 22 333'),
	e('phone', 'tlf: 2345-6789', '2345-6789'),
	e('phone', 'Ring +45-23-45-67-89', '+45-23-45-67-89'),
	e('phone', '+45.23.45.67.89', '+45.23.45.67.89'),
	e('phone', 'telefon 004523456789', '004523456789'),
	e('phone', 'mobil: +45 2345 6789', '+45 2345 6789'),
	e('phone', '(+45)23456789', '(+45)23456789'),
	e('phone', '+45 23456789', '+45 23456789'),
	e('phone', 'ring til 42 42 42 42.', '42 42 42 42'),
	e('phone', 'tlf.nr. 70 20 30 40', '70 20 30 40'),
	e('phone', 'sms: 2345 6789!', '2345 6789'),
	e('email', 'skriv til anna.hansen@example.dk.', 'anna.hansen@example.dk'),
	e('email', 'mail: Ole_K+noter@sub.mail.example.com', 'Ole_K+noter@sub.mail.example.com'),
	e('email', '<jens@hjem.dk>', 'jens@hjem.dk'),
	e('email', 'søren.ravn@københavn.dk', 'søren.ravn@københavn.dk'),
	e('email', 'x23456789@gmail.com', 'x23456789@gmail.com'),
	e('address', 'Vi mødtes på Istedgade 100 i går', 'Istedgade 100'),
	e('address', 'H17 ligger på Halmtorvet 17, 2. th. ved siden af', 'Halmtorvet 17, 2. th.'),
	e('address', 'Sundholmsvej 8', 'Sundholmsvej 8'),
	e('address', 'han bor Enghave Plads 4, st. tv.', 'Enghave Plads 4, st. tv.'),
	e(
		'address',
		'H.C. Andersens Boulevard 27, 1553 København V',
		'H.C. Andersens Boulevard 27, 1553 København V'
	),
	e('address', 'Halmtorvet 9D', 'Halmtorvet 9D'),
	e('address', 'på Gammel Kongevej 12 B', 'Gammel Kongevej 12 B'),
	e('address', 'Frederiksberg Allé 3', 'Frederiksberg Allé 3'),
	e('address', 'Abel Cathrines Gade 22', 'Abel Cathrines Gade 22'),
	e('address', 'Kalvebod Brygge 5', 'Kalvebod Brygge 5'),
	e('address', 'Nyhavn 17', 'Nyhavn 17'),
	e('address', 'Mysundegade nr. 8', 'Mysundegade nr. 8'),
	e('address', 'Skydebanegade 4, 3. mf.', 'Skydebanegade 4, 3. mf.'),
	e('address', 'Vesterbrogade 101, 1620 København V.', 'Vesterbrogade 101, 1620 København V'),
	e('address', 'Amagerbrogade 44', 'Amagerbrogade 44'),
	e('address', 'Islands Brygge 32', 'Islands Brygge 32'),
	e('address', 'Strandvejen 7', 'Strandvejen 7'),
	e('address', 'Kultorvet 2', 'Kultorvet 2'),
	e('address', 'ved Enghave Parken 3', 'Enghave Parken 3'),
	e('address', 'Sankt Hans Torv 3', 'Sankt Hans Torv 3'),
	e('plate', 'bilen havde nummeret AB 12 345', 'AB 12 345'),
	e('plate', 'XY12345 holdt der igen', 'XY12345'),
	e('plate', 'en hvid varevogn (CD 98765)', 'CD 98765'),
	e('name', 'Jeg talte med Søren Ravn i dag', 'Søren Ravn'),
	e('name', 'SØREN RAVN kom forbi', 'SØREN RAVN'),
	e('name', 'soren ravn', 'soren ravn'),
	e('name', 'Ole sad på trappen', 'Ole'),
	e('name', 'Oles bror', 'Oles'),
	e('name', 'Anne-Marie var der', 'Anne-Marie'),
	e('name', 'jose sagde', 'jose'),
	e('name', 'José sagde', 'José'),
	e('name', 'Bo.', 'Bo')
];

/** None of these may be flagged (scanned with NAMES and FIXTURE_NOW). */
// prettier-ignore
export const LOOK_ALIKES = [
	// dates
	'24-12-2025', '241225', '24.12.2025', '2025-12-24', '24/12/2025', 'd. 24/12-25',
	'24122025', '20251224', 'født 1985', 'i 2024-2025',
	// CPR-shaped, but no real date or a date in the future
	'310299-1234', '300299-1234', '290201-1234', '290200-1234', '001299-1234', '321299-1234',
	'011399-1234', '010136-4567', '010150-6123', '2902013456', '3104991234',
	// prices and amounts
	'1.250,00 kr.', 'kr. 2.500', '12.345.678 kr', '1 250 000 kr.', '45.000,-', '23 45 67 89 kr',
	'DKK 23456789', '€ 2500 3000', 'det koster 4500 5000 kr',
	// times
	'14.30', 'kl. 14:30-16:00', '08.15-09.45', 'fra 23.45 til 01.15',
	// ids, order numbers, accounts, codes
	'Ordre nr. 0101501234', 'faktura 1512201234', '#0101501234', 'ID2412251234', 'ordrenr. 45678901',
	'DK50 0040 0440 1162 43', '4571 2345 6789 0123', 'EAN 5701234567899', 'ISBN 978-87-02-12345-6',
	'sagsnr. 2025-12345', 'j.nr. 25/12345', 'version 1.2.3', '192.168.1.10', '55.6649, 12.5516',
	'12345678.5', '12345678', '11 22 33 44', '+46 70 123 45 67', '+44 20 7946 0958', 'ring 112',
	'1813', 'H17', '2300', 'kode 0101',
	// plate-like
	'kr 12 345', 'KR 12 345', 'Nr 12 345', 'ab12345', 'ABC 12 345', 'AB 123 456', 'AB 1234',
	// address-like
	'Istedgade for 10 minutter siden', 'Vesterbro 3 år', 'gaden 12', 'Istedgade kl. 14.30',
	'Istedgade 14.30', 'på vej 2 gange', 'Enghave 3 gange', 'Sundholm i 2024', 'Halmtorvet 2024',
	'Istedgade 3 øl', 'Vej 3', 'Mette have 2 børn', 'Han sover på Halmtorvet 2 nætter om ugen',
	'Enghave 4 weeks', 'Fælledparken i 3 timer',
	// e-mail-like
	'@stedsans', 'user@localhost', 'a @ b.dk', 'mødtes @ 14.30', 'foo@bar',
	// name-like (NAMES has Ole, Søren Ravn, Bo)
	'Olesen', 'Bolette', 'Sørensen', 'Søren alene', 'Ravn', 'bofællesskab', 'Bob'
];
