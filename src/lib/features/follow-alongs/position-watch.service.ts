import type { Fix } from '$lib/domain/tracks/fix';

export type WatchProblem = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

/**
 * Positions as they come, with high accuracy, until the returned function stops the watch. Only
 * a denied permission is final; a timeout or an unavailable position is reported and the watch
 * goes on (the next fix may still come).
 */
export function watchPositions(
	onFix: (fix: Fix) => void,
	onProblem: (problem: WatchProblem) => void
): () => void {
	if (!('geolocation' in navigator)) {
		onProblem('unsupported');
		return () => {};
	}
	const id = navigator.geolocation.watchPosition(
		(pos) =>
			onFix({
				// Whole milliseconds: times are stored as integers (gaps, stops).
				t: Math.round(pos.timestamp),
				lat: pos.coords.latitude,
				lon: pos.coords.longitude,
				acc: pos.coords.accuracy,
				src: 'gps'
			}),
		(err) =>
			onProblem(
				err.code === err.PERMISSION_DENIED
					? 'denied'
					: err.code === err.TIMEOUT
						? 'timeout'
						: 'unavailable'
			),
		// maximumAge 0: a cached position would be an old place reported as now.
		{ enableHighAccuracy: true, maximumAge: 0, timeout: 60_000 }
	);
	return () => navigator.geolocation.clearWatch(id);
}
