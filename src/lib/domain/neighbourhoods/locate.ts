import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { AreaGeometry } from './geometry';
import { NEIGHBOURHOOD_KEYS, type NeighbourhoodKey } from './keys';

export type Outlines = Record<NeighbourhoodKey, AreaGeometry>;

/** The neighbourhood whose outline holds the point, or null when it is outside all three. */
export function neighbourhoodAt(
	lon: number,
	lat: number,
	outlines: Outlines
): NeighbourhoodKey | null {
	for (const key of NEIGHBOURHOOD_KEYS) {
		if (booleanPointInPolygon([lon, lat], outlines[key])) return key;
	}
	return null;
}
