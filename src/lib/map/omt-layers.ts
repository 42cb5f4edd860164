import type { LayerSpecification } from 'maplibre-gl';

/**
 * Style layers for vector tiles in the OpenMapTiles schema (https://openmaptiles.org/schema/),
 * which OpenFreeMap, the default online basemap, serves: what a downloaded field area is drawn
 * with. Kept plain and light, in the colours of the Protomaps "light" flavour that imported
 * archives are drawn in, so the two kinds of offline map look alike.
 */

const INK = '#5d5a57';
const HALO = '#ffffff';

const name = (lang: string) => [
	'coalesce',
	['get', `name:${lang}`],
	...(lang === 'en' ? [['get', 'name_en']] : []),
	['get', 'name']
];

const width = (base: number): unknown => [
	'interpolate',
	['exponential', 1.6],
	['zoom'],
	10,
	base * 0.5,
	14,
	base * 2,
	18,
	base * 10
];

const roadClass = (classes: string[]): unknown => ['in', ['get', 'class'], ['literal', classes]];

export function omtLayers(source: string, lang: string): LayerSpecification[] {
	const s = { source };
	const layers: unknown[] = [
		{ id: 'omt-background', type: 'background', paint: { 'background-color': '#e2dfda' } },
		{
			id: 'omt-park',
			type: 'fill',
			...s,
			'source-layer': 'park',
			paint: { 'fill-color': '#9cd3b4', 'fill-opacity': 0.7 }
		},
		{
			id: 'omt-landcover',
			type: 'fill',
			...s,
			'source-layer': 'landcover',
			filter: roadClass(['grass', 'wood', 'farmland']),
			paint: { 'fill-color': '#a4d6a9', 'fill-opacity': 0.5 }
		},
		{
			id: 'omt-landuse',
			type: 'fill',
			...s,
			'source-layer': 'landuse',
			filter: roadClass(['hospital', 'school', 'university', 'industrial', 'railway']),
			paint: { 'fill-color': '#e8dfdf', 'fill-opacity': 0.8 }
		},
		{
			id: 'omt-water',
			type: 'fill',
			...s,
			'source-layer': 'water',
			paint: { 'fill-color': '#80deea' }
		},
		{
			id: 'omt-waterway',
			type: 'line',
			...s,
			'source-layer': 'waterway',
			paint: { 'line-color': '#80deea', 'line-width': width(1) }
		},
		{
			id: 'omt-building',
			type: 'fill',
			...s,
			'source-layer': 'building',
			minzoom: 13,
			paint: { 'fill-color': '#d1cdc9', 'fill-opacity': 0.8 }
		},
		{
			id: 'omt-road-minor',
			type: 'line',
			...s,
			'source-layer': 'transportation',
			filter: roadClass(['minor', 'service', 'track', 'path', 'pedestrian']),
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': '#ffffff', 'line-width': width(0.8) }
		},
		{
			id: 'omt-road-major',
			type: 'line',
			...s,
			'source-layer': 'transportation',
			filter: roadClass(['primary', 'secondary', 'tertiary', 'trunk', 'motorway']),
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': ['match', ['get', 'class'], ['motorway', 'trunk'], '#ffb77d', '#ffffff'],
				'line-width': width(1.4)
			}
		},
		{
			id: 'omt-rail',
			type: 'line',
			...s,
			'source-layer': 'transportation',
			filter: roadClass(['rail', 'transit']),
			paint: { 'line-color': '#a7b1b3', 'line-width': 1.2, 'line-dasharray': [3, 2] }
		},
		{
			id: 'omt-boundary',
			type: 'line',
			...s,
			'source-layer': 'boundary',
			filter: ['<=', ['get', 'admin_level'], 8],
			paint: { 'line-color': '#adadad', 'line-width': 1, 'line-dasharray': [2, 2] }
		},
		{
			id: 'omt-road-label',
			type: 'symbol',
			...s,
			'source-layer': 'transportation_name',
			minzoom: 13,
			layout: {
				'symbol-placement': 'line',
				'text-field': name(lang),
				'text-font': ['Noto Sans Regular'],
				'text-size': 12
			},
			paint: { 'text-color': INK, 'text-halo-color': HALO, 'text-halo-width': 1.5 }
		},
		{
			id: 'omt-water-label',
			type: 'symbol',
			...s,
			'source-layer': 'water_name',
			layout: { 'text-field': name(lang), 'text-font': ['Noto Sans Italic'], 'text-size': 12 },
			paint: { 'text-color': '#3a7c87', 'text-halo-color': HALO, 'text-halo-width': 1 }
		},
		{
			id: 'omt-poi',
			type: 'symbol',
			...s,
			'source-layer': 'poi',
			filter: ['==', ['get', 'class'], 'railway'],
			minzoom: 12,
			layout: {
				'icon-image': 'train_station',
				'text-field': name(lang),
				'text-font': ['Noto Sans Regular'],
				'text-size': 11,
				'text-offset': [0, 1.1],
				'text-anchor': 'top'
			},
			paint: { 'text-color': '#3a6fb0', 'text-halo-color': HALO, 'text-halo-width': 1.5 }
		},
		{
			id: 'omt-place',
			type: 'symbol',
			...s,
			'source-layer': 'place',
			filter: roadClass(['city', 'town', 'suburb', 'quarter', 'neighbourhood']),
			layout: {
				'text-field': name(lang),
				'text-font': ['Noto Sans Medium'],
				'text-size': ['match', ['get', 'class'], ['city', 'town'], 15, 12],
				'text-transform': 'uppercase',
				'text-letter-spacing': 0.08
			},
			paint: { 'text-color': INK, 'text-halo-color': HALO, 'text-halo-width': 1.5 }
		}
	];
	return layers as LayerSpecification[];
}
