import type { NeighbourhoodKey } from '../neighbourhoods/keys';

/** Invented hotspots (lat, lon, and a label as a participant might say it) for synthetic data. */
export const DEMO_SPOTS: Record<NeighbourhoodKey, { label: string; lat: number; lon: number }[]> = {
	vesterbro: [
		{ label: 'Bænkene på Halmtorvet', lat: 55.6703, lon: 12.5598 },
		{ label: 'Trappen bag banegården', lat: 55.6716, lon: 12.5622 },
		{ label: 'Kødbyen', lat: 55.6685, lon: 12.5605 },
		{ label: 'Enghave Plads', lat: 55.6665, lon: 12.5457 },
		{ label: 'Skydebanehaven', lat: 55.6712, lon: 12.5536 },
		{ label: 'Istedgade, ved kiosken', lat: 55.6692, lon: 12.5552 }
	],
	nordvest: [
		{ label: 'Bispebjerg Station', lat: 55.7066, lon: 12.5395 },
		{ label: 'Lygten', lat: 55.7005, lon: 12.5389 },
		{ label: 'Tomsgårdsvej', lat: 55.7048, lon: 12.5268 },
		{ label: 'Parken bag Bispeparken', lat: 55.7089, lon: 12.5253 },
		{ label: 'Rentemestervej', lat: 55.7068, lon: 12.5336 }
	],
	sundholm: [
		{ label: 'Bænken ved porten', lat: 55.6588, lon: 12.5985 },
		{ label: 'Busstoppet på Sundholmsvej', lat: 55.6572, lon: 12.5963 },
		{ label: 'Kanten af fælleden', lat: 55.6561, lon: 12.6035 },
		{ label: 'Værkstedet', lat: 55.6603, lon: 12.6012 }
	]
};

/** Synthetic jottings in Danish, each with the starter codes it touches. `{p}` is a participant. */
export const DEMO_TEXTS: { text: string; codes: string[]; quote?: string }[] = [
	{
		text: '{p} sidder alene og venter. Siger at kontanthjælpen ikke er kommet.',
		codes: ['money', 'stress']
	},
	{
		text: 'Vagterne beder gruppen om at flytte sig. {p} samler sine ting uden at sige noget.',
		codes: ['police-moved', 'police']
	},
	{
		text: 'Kø foran stofindtagelsesrummet. {p} har ventet over en time.',
		codes: ['institutions', 'obstacles']
	},
	{
		text: '{p} fortæller om et sår på benet, der ikke vil hele.',
		codes: ['health-wounds', 'health'],
		quote: 'Jeg gider ikke sidde på skadestuen i otte timer igen.'
	},
	{ text: 'Flere deler en cigaret og snakker om nattens kulde.', codes: ['social', 'housing'] },
	{
		text: '{p} har fået tid hos jobcentret, men ved ikke hvordan hun skal nå derhen.',
		codes: ['employment', 'obstacles']
	},
	{
		text: 'Politibil kører langsomt forbi. Stemningen bliver anspændt.',
		codes: ['police', 'stress']
	},
	{ text: '{p} hjælper en anden med at finde rent udstyr.', codes: ['resources', 'use-inject'] },
	{ text: 'Snak om priser. Det er blevet dyrere, siger {p}.', codes: ['market'] },
	{
		text: '{p} har sovet i en opgang og er træt og irritabel.',
		codes: ['housing', 'stress'],
		quote: 'Man får ikke sovet, når folk går op og ned hele natten.'
	},
	{
		text: 'Gadeplansmedarbejder kommer forbi med kaffe. {p} tager imod.',
		codes: ['institutions', 'resources']
	},
	{
		text: '{p} taler om sin psykiater og om medicin, der er løbet tør.',
		codes: ['health-mental', 'obstacles']
	},
	{ text: 'To ryger sammen i skjul bag containerne.', codes: ['use-smoke', 'use'] },
	{ text: '{p} samler flasker og regner ud, hvad det giver.', codes: ['money', 'resources'] },
	{ text: 'Konflikt om gæld mellem to. {p} går væk.', codes: ['market', 'social', 'stress'] },
	{
		text: '{p} fortæller, at herberget var fuldt i går.',
		codes: ['housing', 'institutions', 'obstacles']
	},
	{ text: 'Regn. Folk søger ly under halvtaget.', codes: ['housing'] },
	{ text: '{p} har fået sin ydelse og handler ind til flere.', codes: ['money', 'social'] },
	{ text: 'Visitation af {p} ved hjørnet. Intet fundet.', codes: ['police-search', 'police'] },
	{
		text: 'Jeg mærker min egen utryghed, da gruppen bliver større. Noterer det.',
		codes: ['stress']
	},
	{ text: '{p} viser vej til et sted, hvor man kan være i fred.', codes: ['resources'] },
	{
		text: '{p} er på vej til behandlingsstedet, men vender om.',
		codes: ['institutions', 'obstacles'],
		quote: 'Det nytter ikke noget i dag.'
	}
];

/**
 * Further everyday spots the follow-along days walk to, spread over each neighbourhood away from
 * the institutions (so the heatmaps have streets to show once the institutions are cut out).
 * They are not in the glossary: stops there carry the participant's own name for the place only.
 * Invented positions, as above.
 */
export const DEMO_STREET_SPOTS: Record<
	NeighbourhoodKey,
	{ label: string; lat: number; lon: number }[]
> = {
	vesterbro: [
		{ label: 'Sønder Boulevard, bænkene', lat: 55.6655, lon: 12.553 },
		{ label: 'Enghaveparken', lat: 55.666, lon: 12.541 },
		{ label: 'Otto Krabbes Plads', lat: 55.6668, lon: 12.537 },
		{ label: 'Vesterfælledvej', lat: 55.6678, lon: 12.5445 },
		{ label: 'Litauens Plads', lat: 55.669, lon: 12.549 },
		{ label: 'Dybbølsbro', lat: 55.6645, lon: 12.5605 },
		{ label: 'Kiosken ved stationen', lat: 55.6628, lon: 12.5425 },
		{ label: 'Gården på Valdemarsgade', lat: 55.67, lon: 12.542 }
	],
	nordvest: [
		{ label: 'Nordvestparken', lat: 55.7012, lon: 12.521 },
		{ label: 'Baggården på Glasvej', lat: 55.699, lon: 12.529 },
		{ label: 'Trappen ved kirken', lat: 55.7105, lon: 12.532 },
		{ label: 'Kiosken på hjørnet', lat: 55.7085, lon: 12.5195 },
		{ label: 'Bænkene ved torvet', lat: 55.7035, lon: 12.52 }
	],
	// Sundholm is small (0.65 km²) and its institution sits in the middle: these lie in the rim
	// cells that stay clear of its buffer.
	sundholm: [
		{ label: 'Græsset mod øst', lat: 55.65873, lon: 12.60761 },
		{ label: 'Legepladsen', lat: 55.66087, lon: 12.60505 },
		{ label: 'Cykelstien', lat: 55.65453, lon: 12.60197 },
		{ label: 'Indkørslen', lat: 55.65418, lon: 12.59779 },
		{ label: 'Bænken i hjørnet', lat: 55.66292, lon: 12.60218 },
		{ label: 'Hjørnet mod nord', lat: 55.66267, lon: 12.59705 }
	]
};
