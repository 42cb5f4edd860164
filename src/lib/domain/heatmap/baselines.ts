import { bbox, collect, featureCollection, hexGrid, point, pointsWithinPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { NEIGHBOURHOOD_KEYS } from '../neighbourhoods/keys';
import { localProjection } from './projection';
import type { HeatmapInput } from './schema';

/*
 * The two yardsticks of the benchmark, kept apart from computeHeatmap (which must never import
 * @turf/turf) so a browser benchmark can reuse them.
 */

/**
 * The obvious GeoJSON way: every fix a Point feature, `pointsWithinPolygon` against the outlines,
 * a `hexGrid` over them, `collect` the participants per hexagon and keep those with k distinct.
 */
export function naiveTurfHeatmap(
	input: HeatmapInput,
	cellSideKm = 0.174,
	k = 5
): FeatureCollection<Polygon, { participants: number }> {
	const points: Feature<Point, { participant: string }>[] = [];
	for (const tr of input.tracks)
		for (let i = 0; i < tr.t.length; i++)
			points.push(point([tr.lon[i]!, tr.lat[i]!], { participant: tr.participantId }));
	const areas = featureCollection(
		NEIGHBOURHOOD_KEYS.map(
			(key) =>
				({
					type: 'Feature',
					properties: {},
					geometry: input.outlines[key]
				}) as Feature<Polygon | MultiPolygon>
		)
	);
	const inside = pointsWithinPolygon(featureCollection(points), areas) as FeatureCollection<
		Point,
		{ participant: string }
	>;
	const hexes = hexGrid(bbox(areas), cellSideKm, { units: 'kilometers' });
	const counted = collect(hexes, inside, 'participant', 'participants');
	const kept: Feature<Polygon, { participants: number }>[] = [];
	for (const hex of counted.features) {
		const distinct = new Set(hex.properties?.participants as string[]).size;
		if (distinct >= k)
			kept.push({ ...hex, properties: { participants: distinct } } as Feature<
				Polygon,
				{ participants: number }
			>);
	}
	return featureCollection(kept);
}

/**
 * The floor: one typed-array pass that only bins every fix into a square grid over the outlines,
 * no time, no cells, no rules. Nothing that looks at each fix can be faster than this.
 */
export function binFloor(input: HeatmapInput, binMetres = 10): Uint32Array {
	let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const key of NEIGHBOURHOOD_KEYS) {
		const [a, b, c, d] = bbox(input.outlines[key]);
		[w, s, e, n] = [Math.min(w, a), Math.min(s, b), Math.max(e, c), Math.max(n, d)];
	}
	const proj = localProjection(s, w);
	const kx = proj.mx / binMetres;
	const ky = proj.my / binMetres;
	const width = Math.ceil((e - w) * kx) + 1;
	const height = Math.ceil((n - s) * ky) + 1;
	const counts = new Uint32Array(width * height);
	for (const tr of input.tracks) {
		const { lat, lon } = tr;
		for (let i = 0; i < lat.length; i++) {
			const x = (lon[i]! - w) * kx;
			const y = (lat[i]! - s) * ky;
			if (x >= 0 && x < width && y >= 0 && y < height) counts[(y | 0) * width + (x | 0)]!++;
		}
	}
	return counts;
}

/**
 * The floor of the places-named map: `binFloor` over the fixes, and one pass that counts every
 * named place into its cell id (already an H3 cell: nothing to project). No days, no participants,
 * no rules.
 */
export function namedFloor(
	input: HeatmapInput,
	binMetres = 10
): [Uint32Array, Map<string, number>] {
	const counts = new Map<string, number>();
	for (const n of input.namedPlaces ?? []) counts.set(n.cell, (counts.get(n.cell) ?? 0) + 1);
	return [binFloor(input, binMetres), counts];
}
