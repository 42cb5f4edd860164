import type { StopContent } from '$lib/domain/follow-alongs/stop';
import {
	NEIGHBOURHOOD_KEYS,
	NEIGHBOURHOOD_PREFIX,
	type NeighbourhoodKey
} from '$lib/domain/neighbourhoods/keys';
import type { PlaceCategory } from '$lib/domain/places/place';
import { syntheticTrack, type SyntheticStop } from '$lib/domain/tracks/synthetic';
import type { Track } from '$lib/domain/tracks/track';
import { DEMO_END, DEMO_SEED, type DemoParticipant } from './generate';
import { DEMO_SPOTS, DEMO_STREET_SPOTS, DEMO_TEXTS } from './places';
import { Random } from './random';

/**
 * Synthetic follow-along days for the demo workspace: every participant whose consent allows it
 * is followed on two or three different days in their neighbourhood (walks between everyday
 * places and institutions, with GPS noise, a signal gap, stops and notes at their moments);
 * participants without that consent get a day followed by hand (stops placed, route sketched).
 * Enough participants are added that each neighbourhood has `minFollowed` followed participants
 * who may enter aggregate maps (the heatmaps need that many, each on at least two days).
 * No real person's movements are in it.
 */

const DAY = 86_400_000;
/** A fix every 5 s, as a phone's logger in battery-saving mode records: a light demo database. */
const INTERVAL_MS = 5_000;

interface Spot {
	label: string;
	lat: number;
	lon: number;
	institution: boolean;
	category: PlaceCategory;
}

/**
 * Kinds of institution the days visit. Where the glossary has the place (the starter set), the
 * position is the glossary's, so the demo's stops link to it; the others are stops marked as
 * institutions with no glossary place yet (invented positions).
 */
const INSTITUTIONS: Record<NeighbourhoodKey, Spot[]> = {
	vesterbro: [
		{ label: 'H17', lat: 55.6698, lon: 12.5594, institution: true, category: 'using' },
		{
			label: 'Mændenes Hjem',
			lat: 55.6712,
			lon: 12.5585,
			institution: true,
			category: 'getting-help'
		},
		{ label: 'Café Klare', lat: 55.671, lon: 12.559, institution: true, category: 'getting-help' }
	],
	nordvest: [
		{
			label: 'Behandlingsstedet',
			lat: 55.7031,
			lon: 12.5346,
			institution: true,
			category: 'getting-help'
		},
		{ label: 'Jobcentret', lat: 55.7058, lon: 12.5297, institution: true, category: 'getting-help' }
	],
	sundholm: [
		{ label: 'Sundholm', lat: 55.658, lon: 12.599, institution: true, category: 'sleeping' },
		{ label: 'Værestedet', lat: 55.6579, lon: 12.5972, institution: true, category: 'getting-help' }
	]
};

const EVERYDAY_CATEGORIES: PlaceCategory[] = [
	'hangout',
	'waiting',
	'buying',
	'earning-begging',
	'park',
	'shop'
];

export interface DemoStop {
	arrivedAt: number;
	departedAt: number;
	lat: number;
	lon: number;
	fields: Pick<
		StopContent,
		| 'ownName'
		| 'category'
		| 'institution'
		| 'activities'
		| 'present'
		| 'feeling'
		| 'encounter'
		| 'typical'
	>;
}

export interface DemoDayNote {
	observedAt: number;
	text: string;
	codes: string[];
	quote: string | null;
	/** Where the day was then (the service snaps it to a cell as consent allows). */
	lat: number;
	lon: number;
}

export interface DemoDay {
	participantCode: string;
	neighbourhood: NeighbourhoodKey;
	routeSource: 'gps' | 'sketch';
	kind: 'natural' | 'arranged';
	routeChosenBy: 'participant' | 'researcher' | 'together';
	companions: string;
	start: number;
	end: number;
	track: Track;
	stops: DemoStop[];
	/** Stops left for the researcher to confirm (the newest day in each neighbourhood). */
	proposed: boolean;
	notes: DemoDayNote[];
	author: number;
}

export interface DemoFollowAlongs {
	/** Participants added so the heatmaps have enough people (all consent to everything). */
	added: DemoParticipant[];
	days: DemoDay[];
}

const inAggregates = (p: DemoParticipant) =>
	p.consent.followAlong && p.consent.aggregate && !p.withdrawn;

export function generateDemoFollowAlongs(
	participants: readonly DemoParticipant[],
	opts: { seed?: number; minFollowed?: number; authors?: number } = {}
): DemoFollowAlongs {
	const rnd = new Random((opts.seed ?? DEMO_SEED) ^ 0xf011);
	const minFollowed = opts.minFollowed ?? 21;
	const added: DemoParticipant[] = [];
	for (const nb of NEIGHBOURHOOD_KEYS) {
		const local = participants.filter((p) => p.neighbourhood === nb);
		let n = local.length;
		let have = local.filter(inAggregates).length;
		while (have++ < minFollowed) {
			const code = `${NEIGHBOURHOOD_PREFIX[nb]}-${String(++n).padStart(3, '0')}`;
			added.push({
				code,
				neighbourhood: nb,
				consent: { location: 'cell', followAlong: true, aggregate: true },
				withdrawn: false
			});
		}
	}
	const days: DemoDay[] = [];
	for (const p of [...participants, ...added]) {
		const gps = p.consent.followAlong;
		const count = gps ? (rnd.chance(0.25) ? 3 : 2) : 1;
		const offsets = rnd.some(
			Array.from({ length: 110 }, (_, k) => k + 1),
			count,
			count
		);
		for (const offset of offsets)
			days.push(demoDay(rnd, p, DEMO_END - offset * DAY, gps, opts.authors ?? 3));
	}
	days.sort((a, b) => a.start - b.start);
	for (const nb of NEIGHBOURHOOD_KEYS) {
		const newest = days.filter((d) => d.neighbourhood === nb && d.routeSource === 'gps').at(-1);
		if (newest) newest.proposed = true;
	}
	return { added, days };
}

function demoDay(
	rnd: Random,
	p: DemoParticipant,
	day: number,
	gps: boolean,
	authors: number
): DemoDay {
	const nb = p.neighbourhood;
	const everyday = rnd.some([...DEMO_SPOTS[nb], ...DEMO_STREET_SPOTS[nb]], 3, 5).map<Spot>((s) => ({
		...s,
		institution: false,
		category: rnd.pick(EVERYDAY_CATEGORIES)
	}));
	const visits = [...everyday];
	if (rnd.chance(0.8)) visits.splice(rnd.int(1, visits.length - 1), 0, rnd.pick(INSTITUTIONS[nb]));
	// Copenhagen is UTC+1 or +2: a day starting between about 9 and 14 local time.
	const start = day - (day % DAY) + rnd.int(8, 12) * 3_600_000 + rnd.int(0, 59) * 60_000;
	const stops: SyntheticStop[] = visits.map((s) => ({
		lat: s.lat + rnd.gauss(0, 0.00008),
		lon: s.lon + rnd.gauss(0, 0.00012),
		dwellMs: rnd.int(s.institution ? 15 : 6, s.institution ? 45 : 35) * 60_000
	}));
	// One signal gap, halfway along the first walk (into a stairwell, down to the metro).
	const firstWalk = stops[0]!.dwellMs + 60_000;
	const synthetic = syntheticTrack({
		seed: rnd.int(1, 2 ** 30),
		start,
		stops,
		intervalMs: gps ? INTERVAL_MS : 60_000,
		moveJitterM: gps ? 4 : 0,
		stopJitterM: gps ? 10 : 0,
		// The recorder's filter drops multipath outliers (impossible jumps), so the stored days have none.
		outlierRate: 0,
		gaps: gps ? [{ at: firstWalk, durationMs: rnd.int(3, 9) * 60_000 }] : [],
		src: gps ? 'gps' : 'reconstructed'
	});
	const demoStops = synthetic.stops.map<DemoStop>((t, k) => ({
		arrivedAt: Math.round(t.arrivedAt),
		departedAt: Math.round(t.departedAt),
		lat: t.lat,
		lon: t.lon,
		fields: stopFields(rnd, visits[k]!)
	}));
	const notes = rnd.some(demoStops, 1, Math.min(3, demoStops.length)).map<DemoDayNote>((s) => {
		const template = rnd.pick(DEMO_TEXTS);
		return {
			observedAt: s.arrivedAt + Math.round((s.departedAt - s.arrivedAt) * rnd.next()),
			text: template.text.replace('{p}', p.code),
			codes: template.codes,
			quote: template.quote ?? null,
			lat: s.lat,
			lon: s.lon
		};
	});
	const { track } = synthetic;
	return {
		participantCode: p.code,
		neighbourhood: nb,
		routeSource: gps ? 'gps' : 'sketch',
		kind: rnd.chance(0.7) ? 'natural' : 'arranged',
		routeChosenBy: rnd.pick(['participant', 'participant', 'together', 'researcher'] as const),
		companions: rnd.chance(0.3)
			? rnd.pick(['a friend', 'en ven', 'a street worker', 'her dog'])
			: '',
		start,
		end: Math.round(track.t[track.count - 1] ?? start),
		track,
		stops: demoStops.sort((a, b) => a.arrivedAt - b.arrivedAt),
		proposed: false,
		notes: notes.sort((a, b) => a.observedAt - b.observedAt),
		author: rnd.int(0, authors - 1)
	};
}

function stopFields(rnd: Random, s: Spot): DemoStop['fields'] {
	return {
		ownName: s.label,
		category: s.category,
		institution: s.institution,
		activities: s.institution
			? [rnd.pick(['get-help', 'use', 'wait'] as const)]
			: rnd.some(['hang-out', 'wait', 'buy', 'use', 'earn'] as const, 1, 2),
		present: rnd.chance(0.4)
			? rnd.pick(['two friends', 'a group of five', 'staff', 'nobody else'])
			: '',
		feeling: rnd.pick(['safe', 'safe', 'tense', 'avoided'] as const),
		encounter: rnd.chance(0.15) ? rnd.pick(['police', 'security'] as const) : 'none',
		typical: rnd.pick(['usual', 'usual', 'sometimes', 'first-time'] as const)
	};
}
