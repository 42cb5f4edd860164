import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { cellPolygon } from '$lib/domain/geo/cells';
import type { HeatCell, HeatClass } from '$lib/domain/heatmap/schema';
import type { LayerWithoutSource } from './layers';
import { HEAT_OPACITY, VIRIDIS, viridisAt } from './viridis';

export { HEAT_OPACITY, hexToRgb, VIRIDIS, viridisAt } from './viridis';

export type HeatLegend =
	| { kind: 'classes'; items: { colour: string; from: number; to: number | null }[] }
	| {
			kind: 'scale';
			log: boolean;
			ticks: { value: number; position: number }[];
	  }
	| { kind: 'empty' };

export interface HeatShading {
	features: FeatureCollection<Polygon, { shade: number; weight: number }>;
	legend: HeatLegend;
}

/** Two significant figures: a legend reads 1,200 rather than 1,187.35. */
export function roundLabel(v: number): number {
	if (v === 0) return 0;
	const p = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 1);
	return Math.round(v / p) * p;
}

/**
 * Each shown cell's shade in [0, 1] and the legend that reads it back. Classes (the publication
 * preset) get one evenly spaced colour each. Exact weights spread over a log scale when they span
 * more than a factor of ten (time is very skewed: a few busy corners, many passing streets), so
 * the quiet streets do not all look alike; otherwise linear.
 */
export function shadeCells(
	cells: readonly HeatCell[],
	classes: readonly HeatClass[] | null
): HeatShading {
	const feature = (
		c: HeatCell,
		shade: number
	): Feature<Polygon, { shade: number; weight: number }> => ({
		type: 'Feature',
		geometry: { type: 'Polygon', coordinates: [cellPolygon(c.cell)] },
		properties: { shade, weight: c.weight }
	});
	const collection = (features: Feature<Polygon, { shade: number; weight: number }>[]) => ({
		type: 'FeatureCollection' as const,
		features
	});
	if (cells.length === 0) return { features: collection([]), legend: { kind: 'empty' } };
	if (classes && classes.length > 0) {
		const span = Math.max(1, classes.length - 1);
		return {
			features: collection(cells.map((c) => feature(c, ((c.class ?? 1) - 1) / span))),
			legend: {
				kind: 'classes',
				items: classes.map((k) => ({
					colour: viridisAt((k.class - 1) / span),
					from: k.from,
					to: k.to
				}))
			}
		};
	}
	const weights = cells.map((c) => c.weight);
	const min = Math.min(...weights);
	const max = Math.max(...weights);
	const log = min > 0 && max / min > 10;
	const f = log ? Math.log : (v: number) => v;
	const lo = f(min);
	const range = f(max) - lo;
	const shadeOf = (v: number) => (range > 0 ? (f(v) - lo) / range : 1);
	const middle = log ? Math.sqrt(min * max) : (min + max) / 2;
	const ticks = (range > 0 ? [min, middle, max] : [max]).map((v) => ({
		value: roundLabel(v),
		position: shadeOf(v)
	}));
	return {
		features: collection(cells.map((c) => feature(c, shadeOf(c.weight)))),
		legend: { kind: 'scale', log, ticks }
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
