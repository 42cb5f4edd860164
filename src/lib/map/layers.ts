import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { AreaGeometry, NeighbourhoodKey } from '$lib/domain/neighbourhoods';

/** The three neighbourhoods' outlines as one collection, keyed by `nb`. */
export function outlineFeatures(
	outlines: Record<NeighbourhoodKey, AreaGeometry>
): FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: Object.entries(outlines).map(([nb, geometry]) => ({
			type: 'Feature',
			properties: { nb },
			geometry
		}))
	};
}

export const NEIGHBOURHOOD_COLOURS: Record<NeighbourhoodKey, string> = {
	vesterbro: '#1b7f6b',
	nordvest: '#8a4fbf',
	sundholm: '#c4572a'
};

/** A style layer without its source: the layer component supplies its own source. */
export type LayerWithoutSource = Omit<
	Exclude<LayerSpecification, { type: 'background' }>,
	'source'
>;

export const outlineLayers = (prefix: string, dashed = false): LayerWithoutSource[] => [
	{
		id: `${prefix}-fill`,
		type: 'fill',
		paint: {
			'fill-color': [
				'match',
				['get', 'nb'],
				'vesterbro',
				NEIGHBOURHOOD_COLOURS.vesterbro,
				'nordvest',
				NEIGHBOURHOOD_COLOURS.nordvest,
				'sundholm',
				NEIGHBOURHOOD_COLOURS.sundholm,
				'#777'
			],
			'fill-opacity': 0.08
		}
	},
	{
		id: `${prefix}-line`,
		type: 'line',
		paint: {
			'line-color': [
				'match',
				['get', 'nb'],
				'vesterbro',
				NEIGHBOURHOOD_COLOURS.vesterbro,
				'nordvest',
				NEIGHBOURHOOD_COLOURS.nordvest,
				'sundholm',
				NEIGHBOURHOOD_COLOURS.sundholm,
				'#777'
			],
			'line-width': 2.5,
			...(dashed ? { 'line-dasharray': [2, 1.5] } : {})
		}
	}
];
