import type { GpxWaypoint } from './gpx';
import { haversine } from './geo';
import type { StopSpan } from './stops';
import type { Track } from './track';

/**
 * A GPS logger's waypoints are places the participant or researcher marked on the way. They
 * become stops to confirm: a waypoint inside a detected stop names it; one elsewhere on the
 * day becomes a stop of its own at its moment. A waypoint that cannot be placed on the day
 * (no time and far from the track, or a time outside the day) is left out, and counted.
 */

/** How near (metres) a waypoint must be to a stop or to the track to belong to it. */
export const WAYPOINT_RADIUS_M = 100;

export interface WaypointStop {
	lat: number;
	lon: number;
	at: number;
	name: string;
}

export interface WaypointPlan {
	/** Detected stops (by index) that a waypoint names. */
	names: { stop: number; name: string }[];
	/** Waypoints that become stops of their own. */
	stops: WaypointStop[];
	/** Waypoints that could not be placed on the day. */
	leftOut: number;
}

/** The moment a waypoint belongs to: its own time, else the time of the nearest fix close enough. */
function momentOf(track: Track, w: GpxWaypoint, radiusM: number): number | null {
	const first = track.t[0];
	const last = track.t[track.count - 1];
	if (first === undefined || last === undefined) return null;
	if (w.t !== null) return w.t >= first && w.t <= last ? w.t : null;
	let best = -1;
	let bestD = Infinity;
	for (let i = 0; i < track.count; i++) {
		const d = haversine(w.lat, w.lon, track.lat[i]!, track.lon[i]!);
		if (d < bestD) [best, bestD] = [i, d];
	}
	return bestD <= radiusM ? track.t[best]! : null;
}

export function placeWaypoints(
	track: Track,
	waypoints: readonly GpxWaypoint[],
	detected: readonly (StopSpan & { lat: number; lon: number; named?: boolean })[],
	radiusM = WAYPOINT_RADIUS_M
): WaypointPlan {
	const plan: WaypointPlan = { names: [], stops: [], leftOut: 0 };
	const named = new Set<number>();
	waypoints.forEach((w) => {
		const at = momentOf(track, w, radiusM);
		if (at === null) {
			plan.leftOut++;
			return;
		}
		const name = w.name?.trim() || '';
		const stop = detected.findIndex(
			(s, i) =>
				!named.has(i) &&
				!s.named &&
				s.arrivedAt <= at &&
				at <= s.departedAt &&
				haversine(w.lat, w.lon, s.lat, s.lon) <= radiusM
		);
		if (stop >= 0 && name) {
			named.add(stop);
			plan.names.push({ stop, name });
		} else if (stop < 0) plan.stops.push({ lat: w.lat, lon: w.lon, at, name });
	});
	return plan;
}
