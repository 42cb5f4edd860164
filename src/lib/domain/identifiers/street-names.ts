/**
 * Street names of the field area and the city centre, so that an address is recognised when it
 * is written in lower case, abbreviated, or is a street whose name has no street suffix
 * ("Lygten 12", "Åbenrå 7", "Kødboderne 18").
 *
 * Source: a selection, made by hand, from Københavns Kommune's official street names (the
 * municipality's open data "Vejnavne", also published in Danmarks Adresseregister, DAR; CC BY
 * 4.0): Vesterbro and Kongens Enghave, Bispebjerg/Nordvest with the edge of Nørrebro, Amager
 * (Sundholm, Amager Vest and Øst, Islands Brygge) and Indre By with Christianshavn. It is not the
 * whole register (that is about 3,000 names): streets elsewhere are still found by their suffix
 * when written with a capital ("Kirkegade 4") or in capitals.
 */
// prettier-ignore
export const STREET_NAMES: readonly string[] = [
	// Vesterbro, Kongens Enghave, Sydhavn
	'Abel Cathrines Gade', 'Absalonsgade', 'Bernstorffsgade', 'Borgbjergvej', 'Carl Jacobsens Vej',
	'Colbjørnsensgade', 'Dannebrogsgade', 'Dybbølsbro', 'Dybbølsgade', 'Ellebjergvej',
	'Enghave Plads', 'Enghavevej', 'Eskildsgade', 'Flensborggade', 'Flæsketorvet',
	'Frederiksstadsgade', 'Gammel Kongevej', 'Gasværksvej', 'Haderslevgade', 'Halmtorvet',
	'Hedebygade', 'Helgolandsgade', 'Ingerslevsgade', 'Istedgade', 'Kalvebod Brygge',
	'Karens Minde Allé', 'Kingosgade', 'Kvægtorvsgade', 'Kødboderne', 'Lyrskovgade',
	'Matthæusgade', 'Mozarts Plads', 'Mysundegade', 'Ny Carlsberg Vej', 'Oehlenschlægersgade',
	'Otto Krabbes Plads', 'P. Knudsens Gade', 'Reventlowsgade', 'Saxogade', 'Scandiagade',
	'Sjælør Boulevard', 'Skelbækgade', 'Skydebanegade', 'Slagtehusgade', 'Sluseholmen',
	'Staldgade', 'Sundevedsgade', 'Svendsgade', 'Sydhavnsgade', 'Sønder Boulevard',
	'Teglholm Allé', 'Teglholmsgade', 'Tietgensgade', 'Tove Ditlevsens Plads', 'Tøndergade',
	'Valdemarsgade', 'Vasbygade', 'Vesterbrogade', 'Vesterbros Torv', 'Vesterfælledvej',
	'Viktoriagade', 'Værnedamsvej', 'Wagnersvej', 'Westend',
	// Bispebjerg, Nordvest, Tingbjerg, the edge of Nørrebro
	'Bisiddervej', 'Bispebjerg Bakke', 'Bispeparken', 'Blågårds Plads', 'Blågårdsgade',
	'Borups Allé', 'Dortheavej', 'Emdrupvej', 'Frederiksborgvej', 'Frederikssundsvej',
	'Fuglebakkevej', 'Glasvej', 'Griffenfeldsgade', 'Guldbergsgade', 'Heimdalsgade',
	'Hillerødgade', 'Hulgårdsvej', 'Husum Torv', 'Jagtvej', 'Lundtoftegade', 'Lygten',
	'Mjølnerparken', 'Møllegade', 'Nordre Fasanvej', 'Nørrebrogade', 'Ravnsborggade',
	'Rentemestervej', 'Ruten', 'Sankt Hans Torv', 'Stengade', 'Tagensvej', 'Titangade',
	'Tomsgårdsvej', 'Tuborgvej', 'Utterslevvej', 'Ørnevej', 'Åboulevard',
	// Amager: Sundholm, Amager Vest and Øst, Islands Brygge
	'Amager Boulevard', 'Amager Fælledvej', 'Amager Strandvej', 'Amagerbrogade', 'Amagerfælledvej',
	'Artillerivej', 'Brigadevej', 'Egilsgade', 'Englandsvej', 'Gullfossgade', 'Gunløgsgade',
	'Holmbladsgade', 'Irlandsvej', 'Islands Brygge', 'Italiensvej', 'Kastrupvej',
	'Kløvermarksvej', 'Leifsgade', 'Lergravsvej', 'Markmandsgade', 'Njalsgade',
	'Peder Lykkes Vej', 'Prags Boulevard', 'Snorresgade', 'Strandlodsvej', 'Sundbyvester Plads',
	'Sundholmsvej', 'Tycho Brahes Allé', 'Uplandsgade', 'Ved Amagerbanen', 'Vermlandsgade',
	'Wittenberggade', 'Øresundsvej', 'Ørestads Boulevard',
	// Indre By and Christianshavn
	'Ahlefeldtsgade', 'Amagertorv', 'Amaliegade', 'Axeltorv', 'Borgergade', 'Bredgade',
	'Christianshavns Torv', 'Dronningens Tværgade', 'Dronningensgade', 'Farvergade', 'Fiolstræde',
	'Frederiksberggade', 'Frederiksborggade', 'Frederiksholms Kanal', 'Gammel Mønt',
	'Gammel Strand', 'Gammeltorv', 'Gothersgade', 'Grønnegade', 'Gyldenløvesgade',
	'H.C. Andersens Boulevard', 'Hauser Plads', 'Holbergsgade', 'Holmens Kanal', 'Hovedvagtsgade',
	'Hyskenstræde', 'Højbro Plads', 'Israels Plads', 'Jarmers Plads', 'Jernbanegade',
	'Kampmannsgade', 'Kattesundet', 'Knabrostræde', 'Kompagnistræde', 'Kongens Nytorv',
	'Kronprinsensgade', 'Kronprinsessegade', 'Krystalgade', 'Kultorvet', 'Købmagergade',
	'Landemærket', 'Larsbjørnsstræde', 'Lavendelstræde', 'Lille Strandstræde', 'Linnésgade',
	'Magstræde', 'Nansensgade', 'Nikolajgade', 'Ny Østergade', 'Nyhavn', 'Nytorv',
	'Nørre Farimagsgade', 'Nørre Voldgade', 'Nørregade', 'Overgaden Neden Vandet',
	'Overgaden Oven Vandet', 'Pilestræde', 'Prinsessegade', 'Rosenborggade', 'Rosengården',
	'Rådhuspladsen', 'Rådhusstræde', 'Sankt Annæ Gade', 'Sankt Annæ Plads', 'Sankt Peders Stræde',
	'Skindergade', 'Store Kongensgade', 'Store Strandstræde', 'Stormgade', 'Strandgade',
	'Studiestræde', 'Sølvgade', 'Toldbodgade', 'Tordenskjoldsgade', 'Torvegade', 'Ved Stranden',
	'Vester Farimagsgade', 'Vester Søgade', 'Vester Voldgade', 'Vestergade', 'Vimmelskaftet',
	'Vindebrogade', 'Vingårdstræde', 'Wildersgade', 'Østergade', 'Åbenrå'
];
