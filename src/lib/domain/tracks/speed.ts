import type { TravelMode } from './filter';
import { haversine } from './geo';
import type { SketchPoint } from './sketch';

/**
 * Above this a sketched stretch is no walk: a person on foot, even running for a bus, does not
 * keep up 25 km/h between two remembered times. (The recorder's fix filter allows more, 45 km/h,
 * because single GPS fixes jump; a drawn stretch between two times does not.)
 */
export const FOOT_MAX_KMH = 25;

export interface FastStretch {
	/** 0-based indexes of the two timed points around the stretch. */
	from: number;
	to: number;
	kmh: number;
}

/**
 * The stretches of a sketch, between the points given a time, that are faster than the day's
 * travel modes allow: on a day on foot, faster than `FOOT_MAX_KMH`. Days with a vehicle are not
 * checked here (a bus or a train may well go faster). The distance is along the drawn line.
 */
export function fastStretches(
	points: readonly SketchPoint[],
	modes: readonly TravelMode[],
	maxKmh = FOOT_MAX_KMH
): FastStretch[] {
	if (modes.some((m) => m !== 'walking')) return [];
	const out: FastStretch[] = [];
	let a = points.findIndex(timed);
	let metres = 0;
	for (let b = a + 1; a >= 0 && b < points.length; b++) {
		const p = points[b - 1]!;
		const q = points[b]!;
		metres += haversine(p.lat, p.lon, q.lat, q.lon);
		if (!timed(q)) continue;
		const hours = (q.t! - points[a]!.t!) / 3_600_000;
		const kmh = hours > 0 ? metres / 1000 / hours : metres > 0 ? Infinity : 0;
		if (kmh > maxKmh) out.push({ from: a, to: b, kmh });
		a = b;
		metres = 0;
	}
	return out;
}

function timed(p: SketchPoint): boolean {
	return typeof p.t === 'number' && Number.isFinite(p.t);
}
