/**
 * A local equirectangular projection to metres around an origin. Over the few kilometres of the
 * three neighbourhoods its scale error is below 0.1 %, i.e. under 15 cm on a 150 m buffer.
 */
export interface LocalProjection {
	lat0: number;
	lon0: number;
	/** Metres per degree of longitude and of latitude at the origin. */
	mx: number;
	my: number;
}

export function localProjection(lat0: number, lon0: number): LocalProjection {
	const phi = (lat0 * Math.PI) / 180;
	// Series for the WGS84 ellipsoid's metres per degree (as used in surveying tables).
	const my = 111_132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
	const mx = 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi);
	return { lat0, lon0, mx, my };
}

export function toX(p: LocalProjection, lon: number): number {
	return (lon - p.lon0) * p.mx;
}

export function toY(p: LocalProjection, lat: number): number {
	return (lat - p.lat0) * p.my;
}
