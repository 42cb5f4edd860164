import type { NeighbourhoodKey } from '../neighbourhoods/keys';
import {
	descriptionFromText,
	PlaceContent,
	type InstitutionKind,
	type PlaceCategory,
	type PlaceDescription,
	type PlaceLocation
} from './place';

export type StarterLanguage = 'en' | 'da';

export interface StarterPlace {
	/** Fixed id, so two devices that both add the starter set hold the same records, not duplicates. */
	id: string;
	name: string;
	aliases: string[];
	officialName: string | null;
	category: PlaceCategory;
	institutionKind: InstitutionKind;
	neighbourhood: NeighbourhoodKey | null;
	/** Approximate only; null where no fixed spot is known (an outreach team, an unnamed centre). */
	location: PlaceLocation | null;
	description: Record<StarterLanguage, string>;
}

// ULID-shaped ids ("STARTERSET" uses only Crockford letters) that cannot collide with generated ones,
// whose first characters encode a real time.
const sid = (n: number) => `000000STARTERSET${String(n).padStart(10, '0')}`;
const point = (lat: number, lon: number, radius: number): PlaceLocation => ({
	type: 'point',
	lat,
	lon,
	radius
});

const TO_SET = {
	en: 'Placeholder: set the name, address and position of the one participants actually use.',
	da: 'Pladsholder: angiv navn, adresse og placering på det sted, deltagerne faktisk bruger.'
};

function perArea(
	n: number,
	kind: 'treatment' | 'job-centre',
	area: NeighbourhoodKey,
	label: string
): StarterPlace {
	const what =
		kind === 'treatment'
			? {
					en: 'Drug treatment centre',
					da: 'Behandlingssted for rusmidler',
					name: 'Behandlingscenter'
				}
			: { en: 'Job centre', da: 'Jobcenter', name: 'Jobcenter' };
	return {
		id: sid(n),
		name: `${what.name} (${label})`,
		aliases: [],
		officialName: null,
		category: 'getting-help',
		institutionKind: kind,
		neighbourhood: area,
		location: null,
		description: {
			en: `${what.en} serving ${label}. ${TO_SET.en}`,
			da: `${what.da} for ${label}. ${TO_SET.da}`
		}
	};
}

/**
 * Known institutions in the three neighbourhoods, to start a glossary from. Every position is a
 * guess to be dragged to the right spot (they all start with `positionToVerify`).
 */
export const STARTER_PLACES: readonly StarterPlace[] = [
	{
		id: sid(1),
		name: 'H17',
		aliases: ['Fixerummet', 'Stofindtagelsesrummet'],
		officialName: 'Halmtorvet 17',
		category: 'using',
		institutionKind: 'consumption-room',
		neighbourhood: 'vesterbro',
		location: point(55.6698, 12.5594, 40),
		description: {
			en: 'Supervised drug consumption room: people use drugs they bring, with staff present who can act on an overdose.',
			da: 'Stofindtagelsesrum: her indtager folk medbragte stoffer under opsyn af personale, der kan gribe ind ved en overdosis.'
		}
	},
	{
		id: sid(2),
		name: 'Mændenes Hjem',
		aliases: ['MH'],
		officialName: 'Istedgade 100',
		category: 'getting-help',
		institutionKind: 'shelter',
		neighbourhood: 'vesterbro',
		location: point(55.6712, 12.5585, 40),
		description: {
			en: 'Shelter and drop-in for homeless people and people who use drugs, with a café and a health clinic.',
			da: 'Herberg og værested for hjemløse og mennesker, der bruger stoffer, med café og sundhedsklinik.'
		}
	},
	{
		id: sid(3),
		name: 'Café Klare',
		aliases: ['Klare'],
		officialName: null,
		category: 'getting-help',
		institutionKind: 'night-cafe',
		neighbourhood: 'vesterbro',
		location: point(55.671, 12.559, 60),
		description: {
			en: 'Night café for women, run by Mændenes Hjem. The address is to be checked.',
			da: 'Natcafé for kvinder, drevet af Mændenes Hjem. Adressen skal kontrolleres.'
		}
	},
	{
		id: sid(4),
		name: 'Halmtorvet 9D',
		aliases: [],
		officialName: 'Halmtorvet 9D',
		category: 'getting-help',
		institutionKind: 'other',
		neighbourhood: 'vesterbro',
		location: point(55.6703, 12.5608, 40),
		description: {
			en: 'Address of a social service on Halmtorvet; what it houses today is to be checked by the team.',
			da: 'Adresse for et socialt tilbud på Halmtorvet; hvad der ligger der i dag, skal teamet kontrollere.'
		}
	},
	{
		id: sid(5),
		name: 'Sundholm',
		aliases: ['Sundholmen'],
		officialName: 'Sundholmsvej 8',
		category: 'getting-help',
		institutionKind: 'shelter',
		neighbourhood: 'sundholm',
		location: point(55.658, 12.599, 150),
		description: {
			en: 'Large municipal social institution on Amager: shelter, housing and care places, on a wide site.',
			da: 'Stor kommunal social institution på Amager med herberg, boliger og plejepladser på et stort område.'
		}
	},
	{
		id: sid(6),
		name: 'Det psykiatriske gadeteam',
		aliases: ['Gadeteamet', 'Street team'],
		officialName: null,
		category: 'getting-help',
		institutionKind: 'street-team',
		neighbourhood: null,
		location: null,
		description: {
			en: 'Psychiatric outreach team that meets people where they are. It has no fixed spot; add a position only for a base participants visit.',
			da: 'Psykiatrisk opsøgende team, der møder folk, hvor de er. Det har intet fast sted; giv kun en placering, hvis deltagerne besøger en base.'
		}
	},
	{
		id: sid(7),
		name: 'Station City',
		aliases: ['Politistationen på Halmtorvet'],
		officialName: 'Halmtorvet 20',
		category: 'other',
		institutionKind: 'police',
		neighbourhood: 'vesterbro',
		location: point(55.6704, 12.5592, 50),
		description: {
			en: 'Copenhagen Police station for the city centre and Vesterbro.',
			da: 'Københavns Politis station for City og Vesterbro.'
		}
	},
	{
		id: sid(8),
		name: 'Lokalpolitiet Nordvest',
		aliases: ['Politiet i Nordvest'],
		officialName: null,
		category: 'other',
		institutionKind: 'police',
		neighbourhood: 'nordvest',
		location: null,
		description: {
			en: `Local police station for Nordvest and Bispebjerg. ${TO_SET.en}`,
			da: `Lokalpolitistation for Nordvest og Bispebjerg. ${TO_SET.da}`
		}
	},
	perArea(9, 'treatment', 'vesterbro', 'Vesterbro'),
	perArea(10, 'treatment', 'nordvest', 'Nordvest'),
	perArea(11, 'treatment', 'sundholm', 'Amager'),
	perArea(12, 'job-centre', 'vesterbro', 'Vesterbro'),
	perArea(13, 'job-centre', 'nordvest', 'Nordvest'),
	perArea(14, 'job-centre', 'sundholm', 'Amager')
];

/** The content to store for a starter place, with its description in the user's language. */
export function starterPlaceContent(entry: StarterPlace, lang: StarterLanguage): PlaceContent {
	return PlaceContent.parse({
		name: entry.name,
		aliases: entry.aliases,
		officialName: entry.officialName,
		category: entry.category,
		institution: true,
		institutionKind: entry.institutionKind,
		neighbourhood: entry.neighbourhood,
		location: entry.location,
		description: descriptionFromText(entry.description[lang]),
		positionToVerify: true
	});
}

/**
 * What a starter place stores as its description while no one has edited it: both languages, one
 * line each, so every device adds the very same record whatever its language.
 */
export function storedStarterDescription(entry: StarterPlace): PlaceDescription {
	return descriptionFromText(`${entry.description.en}\n${entry.description.da}`);
}

const STARTER_BY_ID = new Map(STARTER_PLACES.map((p) => [p.id, p]));

/**
 * The description to show: an unedited starter place's in the reader's language only (it is
 * stored in both); any other, or one the team has rewritten, as it is.
 */
export function shownDescription(
	place: { id: string; description: PlaceDescription },
	lang: StarterLanguage
): PlaceDescription {
	const entry = STARTER_BY_ID.get(place.id);
	if (!entry || place.description.text !== storedStarterDescription(entry).text)
		return place.description;
	return descriptionFromText(entry.description[lang]);
}

/** The starter places not yet in the workspace (deleted ones count as present: the user chose). */
export function missingStarterPlaces(has: (id: string) => boolean): StarterPlace[] {
	return STARTER_PLACES.filter((p) => !has(p.id));
}
