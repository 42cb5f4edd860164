import type { FeatureCollection } from 'geojson';
import type { TrackTimeline } from '$lib/domain/tracks/timeline';
import type { LayerWithoutSource } from './layers';

/** Yellow with a dark ring: apart from the route (orange, purple, grey) and the stops (blue). */
export const NOTE_COLOUR = '#facc15';

/**
 * Notes on the replay's map, at the place on the route where each was written (the route's
 * position at its time; the last fix before it in a gap). `shown` notes, those the replay has
 * reached, are drawn full; later ones faintly. Notes outside the route's time are left out.
 */
export function routeNoteFeatures(
	notes: readonly { id: string; observedAt: number }[],
	timeline: TrackTimeline,
	shown: number
): FeatureCollection {
	const features: FeatureCollection['features'] = [];
	notes.forEach((n, i) => {
		const at = timeline.positionAt(n.observedAt);
		if (!at) return;
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [at.lon, at.lat] },
			properties: { id: n.id, shown: i < shown, current: i === shown - 1 }
		});
	});
	return { type: 'FeatureCollection', features };
}

export const routeNoteLayers = (prefix: string): LayerWithoutSource[] => [
	{
		id: `${prefix}-note`,
		type: 'circle',
		paint: {
			'circle-radius': ['case', ['get', 'current'], 9, 6],
			'circle-color': NOTE_COLOUR,
			'circle-opacity': ['case', ['get', 'shown'], 1, 0.55],
			'circle-stroke-color': '#111827',
			'circle-stroke-width': ['case', ['get', 'current'], 3, 1.5],
			'circle-stroke-opacity': ['case', ['get', 'shown'], 1, 0.55]
		}
	}
];
