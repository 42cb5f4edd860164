import { Random } from '../demo/random';
import { GAP_BEFORE, SOURCE_CODE, type FixSource, type LatLon } from './fix';
import { METRES_PER_DEGREE, destination, haversine, metresPerDegreeLon } from './geo';
import { createTrack, type Track } from './track';

/**
 * Synthetic follow-along days for tests, benchmarks and the demo workspace: a walk between
 * given stops with GPS-like noise, from a seeded PRNG so the same options give the same track.
 * No real person's movements are in it.
 */
export interface SyntheticStop extends LatLon {
	dwellMs: number;
}

export interface SyntheticOptions {
	seed: number;
	/** Epoch ms of the first fix (arrival at the first stop). */
	start: number;
	/** Visited in order; the walk between two is a straight line. */
	stops: readonly SyntheticStop[];
	speedMps?: number;
	intervalMs?: number;
	/** Standard deviation (metres, per axis) of the noise while walking. */
	moveJitterM?: number;
	/** Standard deviation of the noise at a stop (worse: people stand by walls and indoors). */
	stopJitterM?: number;
	/**
	 * Correlation of the noise from one fix to the next (AR(1)), 0–1. GPS error drifts slowly
	 * rather than jumping every second; white noise (0) would make a walk zigzag and inflate its
	 * length several times. Default 0.98 (a correlation time of about 50 fixes).
	 */
	noiseCorrelation?: number;
	/** Chance per fix at a stop of a multipath outlier 60–150 m off. */
	outlierRate?: number;
	/** Windows (ms after `start`) with no fixes; the first fix after one gets the gap flag. */
	gaps?: readonly { at: number; durationMs: number }[];
	src?: FixSource;
}

/** The truth behind a synthetic track: when each stop really began and ended. */
export interface SyntheticTruth {
	arrivedAt: number;
	departedAt: number;
	lat: number;
	lon: number;
}

export interface SyntheticTrack {
	track: Track;
	stops: SyntheticTruth[];
}

export function syntheticTrack(o: SyntheticOptions): SyntheticTrack {
	const rnd = new Random(o.seed);
	const speed = o.speedMps ?? 1.3;
	const dt = o.intervalMs ?? 1000;
	const moveSd = o.moveJitterM ?? 4;
	const stopSd = o.stopJitterM ?? 10;
	const outlierRate = o.outlierRate ?? 0;
	const rho = o.noiseCorrelation ?? 0.98;
	const innovation = Math.sqrt(1 - rho * rho);
	const gaps = o.gaps ?? [];
	const src = SOURCE_CODE[o.src ?? 'gps'];

	// The plan: alternating dwell and walk legs, each with a start time.
	type Leg = { from: LatLon; to: LatLon; t0: number; t1: number; stop: boolean };
	const legs: Leg[] = [];
	const truth: SyntheticTruth[] = [];
	let time = o.start;
	o.stops.forEach((s, k) => {
		legs.push({ from: s, to: s, t0: time, t1: time + s.dwellMs, stop: true });
		truth.push({ arrivedAt: time, departedAt: time + s.dwellMs, lat: s.lat, lon: s.lon });
		time += s.dwellMs;
		const next = o.stops[k + 1];
		if (next) {
			const walk = (haversine(s.lat, s.lon, next.lat, next.lon) / speed) * 1000;
			legs.push({ from: s, to: next, t0: time, t1: time + walk, stop: false });
			time += walk;
		}
	});

	const capacity = legs.length > 0 ? Math.floor((time - o.start) / dt) + 1 : 0;
	const track = createTrack(capacity);
	let n = 0;
	let leg = 0;
	let inGap = false;
	let noiseLat = rnd.gauss(0, legs[0]?.stop ? stopSd : moveSd);
	let noiseLon = rnd.gauss(0, legs[0]?.stop ? stopSd : moveSd);
	for (let k = 0; k < capacity; k++) {
		const tk = o.start + k * dt;
		const rel = tk - o.start;
		if (gaps.some((g) => rel >= g.at && rel < g.at + g.durationMs)) {
			inGap = n > 0;
			continue;
		}
		while (leg < legs.length - 1 && tk > legs[leg]!.t1) leg++;
		const L = legs[leg]!;
		const f = L.t1 > L.t0 ? Math.min(1, (tk - L.t0) / (L.t1 - L.t0)) : 0;
		const lat = L.from.lat + (L.to.lat - L.from.lat) * f;
		const lon = L.from.lon + (L.to.lon - L.from.lon) * f;
		let sd = L.stop ? stopSd : moveSd;
		noiseLat = rho * noiseLat + innovation * rnd.gauss(0, sd);
		noiseLon = rho * noiseLon + innovation * rnd.gauss(0, sd);
		let offLat = noiseLat;
		let offLon = noiseLon;
		if (L.stop && rnd.chance(outlierRate)) {
			const angle = rnd.next() * 2 * Math.PI;
			const r = 60 + rnd.next() * 90;
			offLat = r * Math.cos(angle);
			offLon = r * Math.sin(angle);
			sd = 100;
		}
		track.t[n] = tk;
		track.lat[n] = lat + offLat / METRES_PER_DEGREE;
		track.lon[n] = lon + offLon / metresPerDegreeLon(lat);
		track.acc[n] = Math.round(Math.max(3, sd * (1 + rnd.next())));
		track.src[n] = src | (inGap ? GAP_BEFORE : 0);
		inGap = false;
		n++;
	}
	return {
		track: {
			count: n,
			t: track.t.slice(0, n),
			lat: track.lat.slice(0, n),
			lon: track.lon.slice(0, n),
			acc: track.acc.slice(0, n),
			src: track.src.slice(0, n)
		},
		stops: truth
	};
}

export interface SyntheticDayOptions {
	seed: number;
	start: number;
	centre: LatLon;
	/** Number of stops (default 6). */
	stopCount?: number;
	/** How far from the centre stops may lie (metres, default 800). */
	spreadM?: number;
	/** Whether to put a signal gap (3–12 min) into one of the walks (default true). */
	withGap?: boolean;
}

/**
 * A plausible day around a neighbourhood centre: 5–40 minute stops at random places within
 * `spreadM`, walks between them, multipath outliers at stops, and optionally one signal gap.
 */
export function syntheticDay(o: SyntheticDayOptions): SyntheticTrack {
	const rnd = new Random(o.seed ^ 0x5eed);
	const spread = o.spreadM ?? 800;
	const stops: SyntheticStop[] = Array.from({ length: o.stopCount ?? 6 }, () => {
		const p = destination(o.centre.lat, o.centre.lon, rnd.next() * 360, rnd.next() * spread);
		return { lat: p.lat, lon: p.lon, dwellMs: rnd.int(5, 40) * 60_000 };
	});
	const gaps = [];
	if ((o.withGap ?? true) && stops.length > 1) {
		// Starts halfway along the first walk, as when the participant goes down into the metro.
		const [a, b] = [stops[0]!, stops[1]!];
		const walkMs = (haversine(a.lat, a.lon, b.lat, b.lon) / 1.3) * 1000;
		gaps.push({ at: a.dwellMs + walkMs / 2, durationMs: rnd.int(3, 12) * 60_000 });
	}
	return syntheticTrack({ seed: o.seed, start: o.start, stops, outlierRate: 0.01, gaps });
}
