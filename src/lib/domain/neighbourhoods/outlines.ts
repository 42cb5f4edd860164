import type { AreaGeometry } from './geometry';
import type { NeighbourhoodKey } from './keys';

/**
 * Approximate outlines drawn by the project from street knowledge, not the official boundaries.
 * They are good enough to tell which neighbourhood a grid cell is in; for exact outlines the user
 * imports the municipality's GeoJSON (Settings → Import boundaries).
 */
const ring = (pts: [number, number][]): number[][] => [...pts, pts[0]!];

export const APPROXIMATE_OUTLINES: Record<NeighbourhoodKey, AreaGeometry> = {
	vesterbro: {
		type: 'Polygon',
		coordinates: [
			ring([
				[12.529, 55.664],
				[12.5375, 55.659],
				[12.545, 55.6545],
				[12.556, 55.6555],
				[12.566, 55.66],
				[12.5725, 55.666],
				[12.57, 55.6735],
				[12.562, 55.6745],
				[12.55, 55.673],
				[12.54, 55.672],
				[12.53, 55.6705],
				[12.5285, 55.667]
			])
		]
	},
	nordvest: {
		type: 'Polygon',
		coordinates: [
			ring([
				[12.5165, 55.6985],
				[12.527, 55.696],
				[12.538, 55.6975],
				[12.5415, 55.704],
				[12.539, 55.711],
				[12.529, 55.7135],
				[12.52, 55.7095],
				[12.516, 55.704]
			])
		]
	},
	sundholm: {
		type: 'Polygon',
		coordinates: [
			ring([
				[12.5925, 55.6545],
				[12.6, 55.654],
				[12.6075, 55.656],
				[12.6078, 55.661],
				[12.602, 55.663],
				[12.5945, 55.6625],
				[12.5923, 55.659]
			])
		]
	}
};
