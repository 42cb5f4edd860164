import { ACC_UNKNOWN, isValidLatLon, type Fix, type LatLon } from './fix';
import { haversine } from './geo';

/**
 * A route the researcher draws where GPS failed or was not allowed: points on the map, with
 * the times they remember at some of them. Everything drawn is `reconstructed`, so replay and
 * analysis never mistake it for a recording.
 */
export interface SketchPoint extends LatLon {
	/** Epoch ms, when the researcher gave a time here. */
	t?: number | null;
}

export type SketchProblemCode =
	'too-few-points' | 'untimed-ends' | 'time-backwards' | 'coordinates-out-of-range';

export interface SketchProblem {
	code: SketchProblemCode;
	message: string;
	/** 0-based index of the offending point. */
	point?: number;
}

export type SketchResult = { ok: true; fixes: Fix[] } | { ok: false; problem: SketchProblem };

/**
 * Times for every point of a sketch. The first and last point need a time; between two timed
 * points, time is spread in proportion to the distance along the drawn line (constant speed),
 * or evenly by point when the points do not move.
 */
export function sketchRoute(points: readonly SketchPoint[]): SketchResult {
	if (points.length < 2) return fail('too-few-points', 'a route needs at least two points');
	const bad = points.findIndex((p) => !isValidLatLon(p.lat, p.lon));
	if (bad >= 0) return fail('coordinates-out-of-range', `point ${bad + 1} is off the map`, bad);
	const last = points.length - 1;
	if (!timed(points[0]!) || !timed(points[last]!))
		return fail('untimed-ends', 'the first and the last point need a time');

	const fixes: Fix[] = [];
	let a = 0;
	for (let b = 1; b <= last; b++) {
		const pb = points[b]!;
		if (!timed(pb)) continue;
		const ta = points[a]!.t!;
		const tb = pb.t!;
		if (tb < ta) return fail('time-backwards', `point ${b + 1} is earlier than point ${a + 1}`, b);
		// Cumulative distance from a to each point up to b.
		const cum = [0];
		for (let k = a + 1; k <= b; k++) {
			const p = points[k - 1]!;
			const q = points[k]!;
			cum.push(cum[cum.length - 1]! + haversine(p.lat, p.lon, q.lat, q.lon));
		}
		const total = cum[cum.length - 1]!;
		for (let k = a; k < b; k++) {
			const f = total > 0 ? cum[k - a]! / total : (k - a) / (b - a);
			fixes.push(reconstructed(points[k]!, Math.round(ta + (tb - ta) * f)));
		}
		a = b;
	}
	fixes.push(reconstructed(points[last]!, points[last]!.t!));
	return { ok: true, fixes };
}

/**
 * Puts a sketch into a recorded route (both in time order): recorded fixes strictly inside the
 * sketch's time span are replaced. The sketch joins the route at both ends (it is drawn from
 * where the recording stopped to where it resumed), so neither its first fix nor the first
 * fix after it starts a gap.
 */
export function insertSketch(recorded: readonly Fix[], sketch: readonly Fix[]): Fix[] {
	if (sketch.length === 0) return [...recorded];
	const start = sketch[0]!.t;
	const end = sketch[sketch.length - 1]!.t;
	const before = recorded.filter((f) => f.t <= start);
	const after = recorded.filter((f) => f.t >= end && f.t > start);
	const joined = sketch.map(withoutGap);
	const [next, ...rest] = after;
	const resumed = next ? [withoutGap(next), ...rest] : [];
	return [...before, ...joined, ...resumed];
}

function withoutGap(f: Fix): Fix {
	const { gapBefore: _gap, ...rest } = f;
	return rest;
}

function timed(p: SketchPoint): boolean {
	return typeof p.t === 'number' && Number.isFinite(p.t);
}

function reconstructed(p: SketchPoint, t: number): Fix {
	return { t, lat: p.lat, lon: p.lon, acc: ACC_UNKNOWN, src: 'reconstructed' };
}

function fail(code: SketchProblemCode, message: string, point?: number): SketchResult {
	return { ok: false, problem: point === undefined ? { code, message } : { code, message, point } };
}
