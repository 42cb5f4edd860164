import { latLngToCell } from 'h3-js';
import type { CellResolution } from '../geo/cell-schema';
import type { Activity, NamedPlaceWhere } from '../named-places/named-place';
import { namedCellResolution } from '../named-places/precision';
import {
	NEIGHBOURHOOD_KEYS,
	NEIGHBOURHOOD_PREFIX,
	type NeighbourhoodKey
} from '../neighbourhoods/keys';
import { DEMO_END, DEMO_SEED, type DemoParticipant } from './generate';
import { Random } from './random';

/*
 * The demo's everyday places (issue 17, item 7): about 40 interviews with the places their
 * participants named, and a Kobo-style survey of about 200 respondents as a CSV the demo imports
 * through the survey import itself. Places gather around a few spots per neighbourhood, so that
 * each neighbourhood has cells named by enough distinct participants for a "places named" map
 * under the default rules (k = 5 participants). Synthetic only: no real person or answer.
 */

const DAY = 86_400_000;

/** Spots per neighbourhood (lat, lon), each with the activity most named there. */
const SPOTS: Record<NeighbourhoodKey, [number, number, Activity][]> = {
	vesterbro: [
		[55.6703, 12.5552, 'hang-out'],
		[55.6689, 12.5582, 'buy'],
		[55.6668, 12.5531, 'use'],
		[55.6642, 12.5488, 'sleep'],
		[55.6712, 12.5604, 'help']
	],
	nordvest: [
		[55.7046, 12.5298, 'hang-out'],
		[55.7069, 12.5341, 'buy'],
		[55.7021, 12.5262, 'sleep'],
		[55.7058, 12.5243, 'eat']
	],
	sundholm: [
		[55.6585, 12.5993, 'hang-out'],
		[55.6601, 12.6031, 'help'],
		[55.6563, 12.5962, 'sleep'],
		[55.6612, 12.5955, 'wash']
	]
};

/** A position near a spot: within about 60 m, so most fall in the spot's cell. */
function near(rnd: Random, [lat, lon]: [number, number, Activity]): [number, number] {
	return [lat + (rnd.next() - 0.5) * 0.001, lon + (rnd.next() - 0.5) * 0.0016];
}

export const DEMO_PROMPTS = [
	'Where did you sleep last night?',
	'Where do you spend the afternoons?',
	'Where do you get help — and where do you not go any more?'
];

export interface DemoInterview {
	code: string;
	date: string;
	startedAt: number;
	neighbourhood: NeighbourhoodKey;
	quote: string;
	places: { where: NamedPlaceWhere; activity: Activity; offsetMs: number }[];
}

const QUOTES = [
	'Down by the stairs, that is where you know people.',
	'I do not go to the station any more, not after the winter.',
	'Mornings at the café, they let you sit if it rains.',
	'You sleep where nobody moves you on.'
];

/** About 40 interviews (13–14 per neighbourhood) with participants who agreed to cells. */
export function demoInterviews(
	participants: readonly DemoParticipant[],
	resolution: CellResolution,
	seed = DEMO_SEED + 17
): DemoInterview[] {
	const rnd = new Random(seed);
	const out: DemoInterview[] = [];
	for (const nb of NEIGHBOURHOOD_KEYS) {
		const local = participants.filter(
			(p) => p.neighbourhood === nb && !p.withdrawn && p.consent.location !== 'none'
		);
		for (const p of local.slice(0, nb === 'vesterbro' ? 14 : 13)) {
			const res = namedCellResolution(p.consent.location, resolution)!;
			const startedAt = DEMO_END - rnd.int(5, 90) * DAY + rnd.int(9, 15) * 3_600_000;
			const spots = rnd.some(SPOTS[nb], 3, 5);
			out.push({
				code: p.code,
				date: new Date(startedAt).toISOString().slice(0, 10),
				startedAt,
				neighbourhood: nb,
				quote: rnd.pick(QUOTES),
				places: spots.map((s, i) => {
					const [lat, lon] = near(rnd, s);
					return {
						where: { kind: 'cell', cell: latLngToCell(lat, lon, res) },
						activity: s[2],
						offsetMs: (i + 1) * rnd.int(90, 240) * 1000
					};
				})
			});
		}
	}
	return out;
}

const QUESTIONS: Activity[] = ['sleep', 'hang-out', 'buy'];

/**
 * A Kobo export of the demo survey: split geopoints (`_q_latitude`, `_q_longitude`,
 * `_q_altitude`, `_q_precision`) for three questions, respondents' VB-/NV-/SH- codes of their own
 * (numbered from 101, apart from the demo's participants), a few answers too imprecise to place.
 */
export function demoSurveyCsv(respondents = 200, seed = DEMO_SEED + 29): string {
	const rnd = new Random(seed);
	const q = QUESTIONS.map((a) => a.replace('-', '_'));
	const head = ['start', 'study_id'];
	for (const k of q)
		head.push(`_${k}_latitude`, `_${k}_longitude`, `_${k}_altitude`, `_${k}_precision`);
	const lines = [head.join(',')];
	for (let i = 0; i < respondents; i++) {
		const nb = NEIGHBOURHOOD_KEYS[i % 3]!;
		const day = new Date(DEMO_END - rnd.int(1, 60) * DAY).toISOString().slice(0, 10);
		const cells = [
			day,
			`${NEIGHBOURHOOD_PREFIX[nb]}-${String(101 + Math.floor(i / 3)).padStart(3, '0')}`
		];
		for (const activity of QUESTIONS) {
			if (rnd.chance(0.15)) {
				cells.push('', '', '', '');
				continue;
			}
			const spot = SPOTS[nb].find((s) => s[2] === activity) ?? rnd.pick(SPOTS[nb]);
			const [lat, lon] = near(rnd, spot);
			const precision = rnd.chance(0.04) ? 650 : rnd.int(4, 30);
			cells.push(lat.toFixed(6), lon.toFixed(6), String(rnd.int(5, 25)), String(precision));
		}
		lines.push(cells.join(','));
	}
	return lines.join('\n') + '\n';
}
