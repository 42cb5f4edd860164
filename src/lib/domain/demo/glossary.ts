import distance from '@turf/distance';
import type { NeighbourhoodKey } from '../neighbourhoods/keys';
import { descriptionFromText, type PlaceCategory, type PlaceInput } from '../places/place';
import { STARTER_PLACES } from '../places/starter';
import { DEMO_SPOTS } from './places';

/** A place of the demo glossary: its content, and the earlier version its history starts from. */
export interface DemoPlace {
	/** The spot label it stands for (notes' free-text labels), or the starter id of an institution. */
	key: string;
	/** Fixed for institutions (the starter set's ids), so the starter card does not offer them again. */
	id: string | null;
	content: PlaceInput;
	/** When set, the place was first saved like this and later edited to `content`. */
	before: PlaceInput | null;
	/** Which demo ethnographer made it (index), and who edited it. */
	author: number;
}

interface Words {
	/** The glossary's name when it is not the label the notes use. */
	name?: string;
	category: PlaceCategory;
	aliases: string[];
	about: string;
}

/**
 * Spots left out of the glossary, so the demo shows labels still to be turned into places. The
 * kiosk is in it under another name, with the notes' label as an alias: a label with a match.
 */
const NOT_IN_GLOSSARY = new Set(['Enghave Plads', 'Tomsgårdsvej', 'Værkstedet']);

const WORDS: Record<string, Words> = {
	'Bænkene på Halmtorvet': {
		category: 'hangout',
		aliases: ['Bænkene', 'Halmtorvet'],
		about: 'Bænkene midt på pladsen. Her sidder man om eftermiddagen, når solen står på.'
	},
	'Trappen bag banegården': {
		category: 'using',
		aliases: ['Trappen', 'Bagtrappen'],
		about: 'En trappe i læ bag banegården. Bruges når H17 har lukket.'
	},
	Kødbyen: {
		category: 'buying',
		aliases: ['Mekka', 'Kødbyen-hjørnet'],
		about: 'Hjørnet ved indgangen til Kødbyen. Deltagerne kalder det "Mekka".'
	},
	Skydebanehaven: {
		category: 'park',
		aliases: ['Haven', 'Skydebanen'],
		about: 'Parken bag muren. Lukker om natten.'
	},
	'Istedgade, ved kiosken': {
		name: 'Kiosken på Istedgade',
		category: 'shop',
		aliases: ['Istedgade, ved kiosken', 'Kiosken'],
		about: 'Kiosken med øl og kaffe.'
	},
	'Bispebjerg Station': {
		category: 'transport',
		aliases: ['Stationen'],
		about: 'S-togsstationen; man venter i tunnelen.'
	},
	Lygten: { category: 'hangout', aliases: ['Lygtens hjørne'], about: 'Hjørnet ved Lygten.' },
	'Parken bag Bispeparken': {
		category: 'sleeping',
		aliases: ['Bispeparken'],
		about: 'Buskene bag boligblokkene; nogle sover her om sommeren.'
	},
	Rentemestervej: {
		category: 'earning-begging',
		aliases: ['Rentemesteren'],
		about: 'Pantflasker fra containerne.'
	},
	'Bænken ved porten': {
		category: 'hangout',
		aliases: ['Porten'],
		about: 'Bænken ved porten til Sundholm.'
	},
	'Busstoppet på Sundholmsvej': {
		category: 'transport',
		aliases: ['Stoppestedet'],
		about: 'Bus 5C og 33.'
	},
	'Kanten af fælleden': {
		category: 'avoided',
		aliases: ['Fælleden', 'Kanten'],
		about: 'Undgås efter mørkets frembrud: "der sker ting derude".'
	}
};

/** A small square around a spot (about 80 × 50 m), for the places drawn as areas. */
function square(lat: number, lon: number): [number, number][] {
	const dLat = 0.00025;
	const dLon = 0.0006;
	const ring: [number, number][] = [
		[lon - dLon, lat - dLat],
		[lon + dLon, lat - dLat],
		[lon + dLon, lat + dLat],
		[lon - dLon, lat + dLat]
	];
	return [...ring, ring[0]!];
}

const AREAS = new Set(['Skydebanehaven', 'Kanten af fælleden']);
/** Positions the demo team has checked; the rest keep their "position to verify" mark. */
const VERIFIED = new Set(STARTER_PLACES.slice(0, 5).map((p) => p.id));

/**
 * The demo workspace's glossary: every demo spot (the labels its notes use) in the three
 * neighbourhoods, with aliases and categories, plus the known institutions. Deterministic.
 */
export function demoGlossary(authors: number): DemoPlace[] {
	const spots: DemoPlace[] = Object.entries(DEMO_SPOTS).flatMap(([nb, list], n) =>
		list.flatMap((spot, i) => {
			if (NOT_IN_GLOSSARY.has(spot.label)) return [];
			const w: Words = WORDS[spot.label] ?? { category: 'other', aliases: [], about: '' };
			const content: PlaceInput = {
				name: w.name ?? spot.label,
				aliases: w.aliases,
				category: w.category,
				neighbourhood: nb as NeighbourhoodKey,
				location: AREAS.has(spot.label)
					? { type: 'polygon', ring: square(spot.lat, spot.lon) }
					: { type: 'point', lat: spot.lat, lon: spot.lon, radius: 30 },
				description: descriptionFromText(w.about)
			};
			// Every other place was re-categorised and given a name later, so its history shows an edit.
			const edited = (i + n) % 2 === 0;
			const before: PlaceInput | null = edited
				? { ...content, aliases: w.aliases.slice(1), category: 'other' }
				: null;
			return [{ key: spot.label, id: null, content, before, author: (i + n) % authors }];
		})
	);
	const institutions: DemoPlace[] = STARTER_PLACES.map((s, i) => ({
		key: s.id,
		id: s.id,
		content: {
			name: s.name,
			aliases: s.aliases,
			officialName: s.officialName,
			category: s.category,
			institution: true,
			institutionKind: s.institutionKind,
			neighbourhood: s.neighbourhood,
			location: s.location,
			description: descriptionFromText(s.description.da),
			positionToVerify: !VERIFIED.has(s.id)
		},
		before: null,
		author: i % authors
	}));
	return [...spots, ...institutions];
}

/**
 * The glossary place a stop is at: the nearest place whose area (radius plus 30 m of GPS noise)
 * holds it, or null. For linking the demo's follow-along stops to the glossary.
 */
export function demoStopPlace(
	stop: { lat: number; lon: number },
	places: readonly { id: string; location: PlaceInput['location'] }[]
): string | null {
	let best: { id: string; d: number } | null = null;
	for (const p of places) {
		const loc = p.location;
		if (!loc) continue;
		// A drawn demo area is about 80 × 50 m: its centre plus 50 m covers it.
		const corners = loc.type === 'polygon' ? loc.ring.slice(0, -1) : [];
		const mean = (k: 0 | 1) => corners.reduce((sum, c) => sum + c[k], 0) / corners.length;
		const [lon, lat] = loc.type === 'point' ? [loc.lon, loc.lat] : [mean(0), mean(1)];
		const reach = (loc.type === 'point' ? loc.radius : 50) + 30;
		const d = distance([lon, lat], [stop.lon, stop.lat], { units: 'meters' });
		if (d <= reach && (!best || d < best.d)) best = { id: p.id, d };
	}
	return best?.id ?? null;
}
