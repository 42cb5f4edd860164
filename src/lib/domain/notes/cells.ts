import { cellPolygon } from '../geo/cells';
import type { FeatureCollection } from 'geojson';
import type { NoteContent } from './note';

export interface CellCount {
	cell: string;
	count: number;
	noteIds: string[];
}

/** Located notes counted per cell (each note in the cell it was snapped to). */
export function countByCell(
	notes: readonly (Pick<NoteContent, 'location'> & { id: string })[]
): CellCount[] {
	const byCell = new Map<string, CellCount>();
	for (const n of notes) {
		if (!n.location) continue;
		const entry = byCell.get(n.location.cell) ?? { cell: n.location.cell, count: 0, noteIds: [] };
		entry.count++;
		entry.noteIds.push(n.id);
		byCell.set(n.location.cell, entry);
	}
	return [...byCell.values()];
}

/** The cells as polygons with their count and a 0–1 share of the busiest cell, for shading. */
export function cellCountFeatures(counts: readonly CellCount[]): FeatureCollection {
	const max = Math.max(1, ...counts.map((c) => c.count));
	return {
		type: 'FeatureCollection',
		features: counts.map((c) => ({
			type: 'Feature',
			properties: { cell: c.cell, count: c.count, share: c.count / max },
			geometry: { type: 'Polygon', coordinates: [cellPolygon(c.cell)] }
		}))
	};
}
