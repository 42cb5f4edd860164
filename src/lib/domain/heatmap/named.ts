import type { Contributions } from './contributions';
import type { DayIndex } from './days';
import type { CellGrid } from './grid';
import type { Activity } from '../named-places/named-place';
import { cellsOfId, type NoteCells } from './notes';
import { HEATMAP_SOURCES, type HeatmapSource, type NamedPlaceInput } from './schema';

export interface NamedStage {
	grid: CellGrid;
	days: DayIndex;
	contrib: Contributions;
	/** Included participants by id. */
	included: Map<string, number>;
	activity: Activity | undefined;
	sources: ReadonlySet<HeatmapSource>;
}

/** The index of a source in HEATMAP_SOURCES: what the contributions' source column holds. */
export const sourceIndex = (s: HeatmapSource) => HEATMAP_SOURCES.indexOf(s);

/**
 * Places named: each named place adds its participant to its cell on the day it was said, weight 1.
 * A place snapped coarser than the map (the consent's precision) is spread over its children as
 * 1 / parts, so it claims no more precision than it was stored with; a finer one goes to its
 * parent. Named places have no time, so the institution cut windows do not apply; the cells
 * touching an institution are removed whole like every other cell's.
 */
export function processNamedPlaces(st: NamedStage, named: readonly NamedPlaceInput[]): void {
	const cache = new Map<string, NoteCells>();
	const bySource = new Map<HeatmapSource, NamedPlaceInput[]>();
	for (const n of named) {
		if (!st.sources.has(n.source) || !st.included.has(n.participantId)) continue;
		if (st.activity !== undefined && n.activity !== st.activity) continue;
		const list = bySource.get(n.source);
		if (list) list.push(n);
		else bySource.set(n.source, [n]);
	}
	for (const [source, list] of bySource) {
		st.contrib.setSource(sourceIndex(source));
		for (const n of list) {
			const { cells, parts } = cellsOfId(st.grid, n.cell, cache);
			const p = st.included.get(n.participantId)!;
			const day = st.days.of(n.namedAt);
			for (const c of cells) {
				st.contrib.share(c, 1 / parts, 1 / parts);
				st.contrib.add(c, p, day, 1 / parts);
			}
		}
	}
	st.contrib.flush();
}
