import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { cellPolygon } from '$lib/domain/geo/cells';
import type { HeatCell, HeatClass } from '$lib/domain/heatmap/schema';
import type { LayerWithoutSource } from './layers';
import { HEAT_OPACITY, VIRIDIS, viridisAt } from './viridis';

export { HEAT_OPACITY, hexToRgb, VIRIDIS, viridisAt } from './viridis';

export type HeatLegend =
	| { kind: 'classes'; items: { colour: string; from: number; to: number | null }[] }
	| { kind: 'empty' };

export interface HeatShading {
	features: FeatureCollection<Polygon, { shade: number; weight: number }>;
	legend: HeatLegend;
}

/** The colour of class `k` of `count`: evenly spaced along viridis, darkest for the lowest. */
export function classColour(k: number, count: number): string {
	return viridisAt((k - 1) / Math.max(1, count - 1));
}

/**
 * Each shown cell's shade in [0, 1] (one evenly spaced colour per class) and the legend that
 * reads it back. The classes are the project's fixed ones (domain/heatmap/classes.ts), so a
 * colour means the same amount on every map; the legend lists every class, used or not.
 */
export function shadeCells(
	cells: readonly HeatCell[],
	classes: readonly HeatClass[] | null
): HeatShading {
	if (!classes || classes.length === 0)
		return { features: { type: 'FeatureCollection', features: [] }, legend: { kind: 'empty' } };
	const span = Math.max(1, classes.length - 1);
	return {
		features: {
			type: 'FeatureCollection',
			features: cells.map((c): Feature<Polygon, { shade: number; weight: number }> => ({
				type: 'Feature',
				geometry: { type: 'Polygon', coordinates: [cellPolygon(c.cell)] },
				properties: { shade: (c.class - 1) / span, weight: c.weight }
			}))
		},
		legend: {
			kind: 'classes',
			items: classes.map((k) => ({
				colour: classColour(k.class, classes.length),
				from: k.from,
				to: k.to
			}))
		}
	};
}

/** The map layers of a shaded heatmap: hexagons filled by shade, with a hairline between them. */
export function heatLayers(prefix: string): LayerWithoutSource[] {
	const stops = VIRIDIS.flatMap((colour, i) => [i / (VIRIDIS.length - 1), colour]);
	return [
		{
			id: `${prefix}-fill`,
			type: 'fill',
			paint: {
				'fill-color': ['interpolate', ['linear'], ['get', 'shade'], ...stops] as never,
				'fill-opacity': HEAT_OPACITY
			}
		},
		{
			id: `${prefix}-line`,
			type: 'line',
			paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': 0.7 }
		}
	];
}
