/**
 * Spherical geometry on plain numbers, so hot loops over typed arrays allocate nothing.
 * The sphere has the IUGG mean Earth radius, the same one Turf uses, so distances agree with
 * `@turf/distance`.
 */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine formula; well-conditioned at short distances). */
export function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const dLat = (lat2 - lat1) * RAD;
	const dLon = (lon2 - lon1) * RAD;
	const s1 = Math.sin(dLat / 2);
	const s2 = Math.sin(dLon / 2);
	const a = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing from the first point to the second, degrees clockwise from north, [0, 360). */
export function bearing(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const φ1 = lat1 * RAD;
	const φ2 = lat2 * RAD;
	const dλ = (lon2 - lon1) * RAD;
	const y = Math.sin(dλ) * Math.cos(φ2);
	const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(dλ);
	return (Math.atan2(y, x) / RAD + 360) % 360;
}

/** The point `distanceM` metres from a start along a great circle at the given bearing. */
export function destination(
	lat: number,
	lon: number,
	bearingDeg: number,
	distanceM: number
): { lat: number; lon: number } {
	const δ = distanceM / EARTH_RADIUS_M;
	const θ = bearingDeg * RAD;
	const φ1 = lat * RAD;
	const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
	const λ2 =
		lon * RAD +
		Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
	return { lat: φ2 / RAD, lon: ((((λ2 / RAD + 540) % 360) + 360) % 360) - 180 };
}

/**
 * Metres per degree of latitude and of longitude at a latitude: the local equirectangular
 * scale. Within a few hundred metres its error against haversine is far below GPS noise, and it
 * needs no trigonometry per point, which is what stop detection relies on.
 */
export function metresPerDegree(lat: number): { lat: number; lon: number } {
	return { lat: METRES_PER_DEGREE, lon: METRES_PER_DEGREE * Math.cos(lat * RAD) };
}

/** Metres per degree of latitude (and of longitude at the equator). */
export const METRES_PER_DEGREE = EARTH_RADIUS_M * RAD;

/** Metres per degree of longitude at a latitude, as a number (for loops that must not allocate). */
export function metresPerDegreeLon(lat: number): number {
	return METRES_PER_DEGREE * Math.cos(lat * RAD);
}

/** Length in metres of the polyline through points `from` to `to - 1`. */
export function pathLength(
	lat: ArrayLike<number>,
	lon: ArrayLike<number>,
	from = 0,
	to = lat.length
): number {
	let sum = 0;
	for (let i = from + 1; i < to; i++) {
		sum += haversine(lat[i - 1]!, lon[i - 1]!, lat[i]!, lon[i]!);
	}
	return sum;
}
