import { snapToCell, type CellLocation } from '../geo/cells';
import {
	NEIGHBOURHOOD_KEYS,
	NEIGHBOURHOOD_PREFIX,
	type NeighbourhoodKey
} from '../neighbourhoods/keys';
import type { Genre } from '../notes/note';
import type { Consent, ConsentRecord } from '../participants/participant';
import { DEMO_SPOTS, DEMO_TEXTS } from './places';
import { Random } from './random';

/** The seed behind the demo workspace; tests and benchmarks use the same generator. */
export const DEMO_SEED = 20_260_301;

/** Demo notes are spread over four months before this day (fixed, so the data is the same each time). */
export const DEMO_END = Date.UTC(2026, 10, 15, 12);
const DAY = 86_400_000;

export interface DemoParticipant {
	code: string;
	neighbourhood: NeighbourhoodKey;
	consent: Consent;
	withdrawn: boolean;
}

export interface DemoNote {
	observedAt: number;
	genre: Genre;
	neighbourhood: NeighbourhoodKey | null;
	participantCodes: string[];
	/** Starter code keys (see codebook/starter.ts). */
	codeKeys: string[];
	placeLabel: string;
	paragraphs: string[];
	quote: string | null;
	location: CellLocation | null;
	sensitive: boolean;
	author: number;
}

export interface DemoWorkspace {
	ethnographers: { displayName: string }[];
	participants: DemoParticipant[];
	notes: DemoNote[];
}

export interface DemoOptions {
	seed?: number;
	participantsPerNeighbourhood?: number;
	notes?: number;
}

const INITIALS = ['AK', 'LM', 'SR', 'JB', 'NH'];

/** Demo participants' consent was recorded in writing, on the first sheet, at the project's start. */
export const DEMO_CONSENT_RECORD: ConsentRecord = {
	givenAt: DEMO_END - 150 * DAY,
	form: 'written',
	sheetVersion: 'v1'
};

function consentFor(rnd: Random): Consent {
	const r = rnd.next();
	const location = r < 0.8 ? 'cell' : r < 0.93 ? 'neighbourhood' : 'none';
	return { location, followAlong: rnd.chance(0.85), aggregate: rnd.chance(0.92) };
}

/** Synthetic data only: pseudonyms, invented notes and places; no real person is in it. */
export function generateDemo(opts: DemoOptions = {}): DemoWorkspace {
	const rnd = new Random(opts.seed ?? DEMO_SEED);
	const perNb = opts.participantsPerNeighbourhood ?? 22;
	const ethnographers = rnd.some(INITIALS, 3, 3).map((i) => ({ displayName: `${i} (demo)` }));
	const participants: DemoParticipant[] = NEIGHBOURHOOD_KEYS.flatMap((nb) =>
		Array.from({ length: perNb }, (_, i) => ({
			code: `${NEIGHBOURHOOD_PREFIX[nb]}-${String(i + 1).padStart(3, '0')}`,
			neighbourhood: nb,
			consent: consentFor(rnd),
			withdrawn: false
		}))
	);
	// One withdrawn participant per neighbourhood, to show what withdrawal does.
	for (const nb of NEIGHBOURHOOD_KEYS)
		participants.find((p) => p.neighbourhood === nb && p.code.endsWith('-007'))!.withdrawn = true;
	const notes = Array.from({ length: opts.notes ?? 360 }, () =>
		demoNote(rnd, participants, ethnographers.length)
	);
	return { ethnographers, participants, notes };
}

const GENRE_WEIGHTS: [Genre, number][] = [
	['jotting', 0.5],
	['description', 0.2],
	['quote', 0.12],
	['memo', 0.12],
	['reflexive', 0.06]
];

function pickGenre(rnd: Random, hasQuote: boolean): Genre {
	if (hasQuote && rnd.chance(0.6)) return 'quote';
	let r = rnd.next();
	for (const [g, w] of GENRE_WEIGHTS) if ((r -= w) <= 0) return g;
	return 'jotting';
}

export function demoNote(
	rnd: Random,
	participants: readonly DemoParticipant[],
	authors: number
): DemoNote {
	const nb = rnd.pick(NEIGHBOURHOOD_KEYS);
	const spot = rnd.pick(DEMO_SPOTS[nb]);
	const local = participants.filter((p) => p.neighbourhood === nb && !p.withdrawn);
	const who = rnd.chance(0.85) ? rnd.some(local, 1, rnd.chance(0.2) ? 2 : 1) : [];
	const template = rnd.pick(DEMO_TEXTS);
	const name = who[0]?.code ?? 'En deltager';
	// Evenings and afternoons are the busy field hours.
	const day = DEMO_END - rnd.int(0, 120) * DAY;
	const hour = rnd.pick([9, 10, 11, 13, 14, 15, 16, 17, 19, 21]);
	const observedAt = day - (day % DAY) + (hour - 1) * 3_600_000 + rnd.int(0, 59) * 60_000;
	const strictest = who.reduce<Consent['location']>(
		(acc, p) =>
			p.consent.location === 'none' || acc === 'none'
				? 'none'
				: p.consent.location === 'neighbourhood'
					? 'neighbourhood'
					: acc,
		'cell'
	);
	const located = strictest === 'cell' && rnd.chance(0.75);
	const location = located
		? snapToCell(spot.lat + rnd.gauss(0, 0.0015), spot.lon + rnd.gauss(0, 0.0025), 8)
		: null;
	return {
		observedAt,
		genre: pickGenre(rnd, template.quote !== undefined),
		neighbourhood: strictest === 'none' ? null : nb,
		participantCodes: who.map((p) => p.code),
		codeKeys: template.codes,
		placeLabel: strictest === 'none' ? '' : spot.label,
		paragraphs: [template.text.replace('{p}', name)],
		quote: template.quote ?? null,
		location,
		sensitive: rnd.chance(0.08),
		author: rnd.int(0, authors - 1)
	};
}
