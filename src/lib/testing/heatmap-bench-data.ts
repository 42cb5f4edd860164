import { Random } from '$lib/domain/demo/random';
import { snapToCell } from '$lib/domain/geo/cells';
import { bboxOf } from '$lib/domain/neighbourhoods/geometry';
import { NEIGHBOURHOOD_KEYS, type NeighbourhoodKey } from '$lib/domain/neighbourhoods/keys';
import { neighbourhoodAt } from '$lib/domain/neighbourhoods/locate';
import { APPROXIMATE_OUTLINES } from '$lib/domain/neighbourhoods/outlines';
import { localProjection } from '$lib/domain/heatmap/projection';
import type {
	HeatmapInput,
	HeatmapParticipant,
	HeatmapStop,
	Institution,
	LocatedNote,
	NamedPlaceInput,
	TrackColumns
} from '$lib/domain/heatmap/schema';

/*
 * A seeded, synthetic workload for benchmarks (node here, Chromium in the worker elsewhere): N
 * fixes from P participants who walk between shared hot spots, their own places and institutions
 * in their neighbourhood, dwell there (a stop), and sometimes lose the signal (a gap) or have a
 * stretch reconstructed. No real person or place is in it; institution positions are the rough,
 * unverified ones of docs/product.md.
 */

export interface BenchDataOptions {
	fixes: number;
	participants: number;
	seed?: number;
	/** Seconds between fixes (5 by default). */
	intervalSeconds?: number;
	/** Survey respondents who each name five places (0 by default): extra participants. */
	respondents?: number;
}

interface Pt {
	lat: number;
	lon: number;
}

export const BENCH_INSTITUTIONS: Institution[] = [
	{ shape: 'circle', id: 'h17', lat: 55.6707, lon: 12.5617, radiusMetres: 25 },
	{ shape: 'circle', id: 'maendenes-hjem', lat: 55.6684, lon: 12.5541, radiusMetres: 25 },
	{ shape: 'circle', id: 'sundholm', lat: 55.6596, lon: 12.6006, radiusMetres: 60 },
	{ shape: 'circle', id: 'nordvest-treatment', lat: 55.7035, lon: 12.5265, radiusMetres: 25 }
];

const HOTSPOTS_PER_AREA = 10;
const FIXES_PER_DAY = [1500, 4500] as const;

export function generateBenchData(o: BenchDataOptions): HeatmapInput {
	const rnd = new Random(o.seed ?? 20_260_301);
	const step = (o.intervalSeconds ?? 5) * 1000;
	const hotspots = NEIGHBOURHOOD_KEYS.map((k) =>
		Array.from({ length: HOTSPOTS_PER_AREA }, () => pointIn(rnd, k))
	);
	const institutionsIn = NEIGHBOURHOOD_KEYS.map((k) =>
		BENCH_INSTITUTIONS.filter(
			(i) => i.shape === 'circle' && neighbourhoodAt(i.lon, i.lat, APPROXIMATE_OUTLINES) === k
		).map((i) => i as Pt)
	);
	const participants: HeatmapParticipant[] = [];
	const tracks: TrackColumns[] = [];
	const stops: HeatmapStop[] = [];
	const notes: LocatedNote[] = [];
	const firstDay = Date.UTC(2026, 2, 2, 8);
	for (let p = 0; p < o.participants; p++) {
		const id = `P${String(p + 1).padStart(3, '0')}`;
		const roll = rnd.next();
		participants.push({ id, aggregateConsent: roll > 0.04, withdrawn: roll < 0.02 });
		const area = p % 3;
		const anchors: Pt[] = [
			...rnd.some(hotspots[area]!, 3, 5),
			...Array.from({ length: rnd.int(2, 4) }, () => pointIn(rnd, NEIGHBOURHOOD_KEYS[area]!)),
			...institutionsIn[area]!
		];
		let left = Math.floor(o.fixes / o.participants) + (p < o.fixes % o.participants ? 1 : 0);
		for (let d = 0; left > 0; d++) {
			const n = Math.min(left, rnd.int(...FIXES_PER_DAY));
			left -= n;
			const start = firstDay + rnd.int(0, 89) * 86_400_000 + rnd.int(0, 5 * 3600) * 1000;
			const day = walkDay(rnd, `${id}-${d}`, id, anchors, n, start, step);
			tracks.push(day.track);
			stops.push(...day.stops);
			for (const s of day.stops)
				if (rnd.chance(0.3))
					notes.push({
						participantIds: [id],
						observedAt: s.arrivedAt,
						cell: snapToCell(s.lat, s.lon, 8).cell
					});
		}
	}
	const namedPlaces = namedBy(rnd, o.respondents ?? 0, hotspots, participants, firstDay);
	return {
		participants,
		tracks,
		stops,
		notes,
		namedPlaces,
		institutions: BENCH_INSTITUTIONS,
		outlines: APPROXIMATE_OUTLINES
	};
}

const ACTIVITIES = ['sleep', 'hang-out', 'buy', 'use', 'eat', 'help'] as const;

/** Respondents who each name five places: mostly hot spots, one of their own, at cell 8 or 9. */
function namedBy(
	rnd: Random,
	respondents: number,
	hotspots: Pt[][],
	participants: HeatmapParticipant[],
	firstDay: number
): NamedPlaceInput[] {
	const named: NamedPlaceInput[] = [];
	for (let r = 0; r < respondents; r++) {
		const participantId = `S${String(r + 1).padStart(5, '0')}`;
		participants.push({ id: participantId, aggregateConsent: true, withdrawn: false });
		const area = r % 3;
		const namedAt = firstDay + rnd.int(0, 59) * 86_400_000;
		for (let i = 0; i < 5; i++) {
			const at = i < 4 ? rnd.pick(hotspots[area]!) : pointIn(rnd, NEIGHBOURHOOD_KEYS[area]!);
			const cell = snapToCell(at.lat, at.lon, rnd.chance(0.5) ? 8 : 9).cell;
			named.push({
				participantId,
				source: 'survey',
				cell,
				activity: rnd.pick(ACTIVITIES),
				namedAt
			});
		}
	}
	return named;
}

function pointIn(rnd: Random, key: NeighbourhoodKey): Pt {
	const [w, s, e, n] = bboxOf(APPROXIMATE_OUTLINES[key]);
	for (;;) {
		const lon = w + rnd.next() * (e - w);
		const lat = s + rnd.next() * (n - s);
		if (neighbourhoodAt(lon, lat, APPROXIMATE_OUTLINES) === key) return { lat, lon };
	}
}

/** One follow-along: walk to an anchor at about 1.3 m/s, dwell 5–40 minutes, walk on. */
function walkDay(
	rnd: Random,
	followAlongId: string,
	participantId: string,
	anchors: Pt[],
	n: number,
	start: number,
	step: number
) {
	const proj = localProjection(anchors[0]!.lat, anchors[0]!.lon);
	const t = new Float64Array(n);
	const lat = new Float64Array(n);
	const lon = new Float64Array(n);
	const src = new Uint8Array(n).fill(rnd.chance(0.1) ? 1 : 0);
	const gapAfter: number[] = [];
	const stops: HeatmapStop[] = [];
	let here = rnd.pick(anchors);
	let now = start;
	let i = 0;
	const put = (p: Pt, jitterMetres: number, source: number) => {
		t[i] = now;
		lat[i] = p.lat + ((rnd.next() - 0.5) * 2 * jitterMetres) / proj.my;
		lon[i] = p.lon + ((rnd.next() - 0.5) * 2 * jitterMetres) / proj.mx;
		if (source) src[i] = source;
		i++;
		now += step;
	};
	while (i < n) {
		const dwell = Math.min(n - i, Math.round((rnd.int(5, 40) * 60_000) / step));
		stops.push({
			participantId,
			followAlongId,
			arrivedAt: now,
			departedAt: now + (dwell - 1) * step,
			...here
		});
		for (let k = 0; k < dwell; k++) put(here, 8, 0);
		const next = rnd.pick(anchors);
		const metres = Math.hypot((next.lat - here.lat) * proj.my, (next.lon - here.lon) * proj.mx);
		const steps = Math.min(n - i, Math.ceil(metres / (1.3 * (step / 1000))));
		const source = rnd.chance(0.03) ? 3 : rnd.chance(0.02) ? 2 : 0;
		for (let k = 0; k < steps; k++) {
			const f = k / steps;
			put(
				{ lat: here.lat + (next.lat - here.lat) * f, lon: here.lon + (next.lon - here.lon) * f },
				4,
				source
			);
		}
		if (rnd.chance(0.05) && i > 0 && i < n) {
			gapAfter.push(i - 1);
			now += rnd.int(10, 30) * 60_000;
		}
		here = next;
	}
	const track: TrackColumns = { followAlongId, participantId, t, lat, lon, src, gapAfter };
	return { track, stops };
}
