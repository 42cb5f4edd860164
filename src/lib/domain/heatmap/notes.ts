import { cellToChildren, cellToParent, getResolution, isValidCell } from 'h3-js';
import type { Contributions } from './contributions';
import type { DayIndex } from './days';
import { cellAt, type CellGrid } from './grid';
import { contains, mergeIntervals, type Intervals } from './intervals';
import type { HeatmapMetric, LocatedNote } from './schema';

export interface NoteStage {
	grid: CellGrid;
	days: DayIndex;
	contrib: Contributions;
	metric: HeatmapMetric;
	cuts: Map<number, Intervals>;
	/** Included participants by id. */
	included: Map<string, number>;
}

/**
 * Notes count for the notes metric and as presence for person-days. For the notes metric a note
 * snapped at capture to a coarser cell (resolution 8 by default) than the map is spread evenly
 * over its children: it claims no more precision than it was stored with. A note taken in an
 * institution cut window of one of its participants is left out for that participant, like the
 * route around the visit.
 */
export function processNotes(st: NoteStage, notes: readonly LocatedNote[]): void {
	if (st.metric === 'time') return;
	const cellCache = new Map<string, NoteCells>();
	const cuts = new Map<number, Intervals>();
	for (const [p, list] of st.cuts) cuts.set(p, mergeIntervals(list));
	const countShare = st.metric === 'notes';
	for (const note of notes) {
		const people = [
			...new Set(
				note.participantIds.map((id) => st.included.get(id)).filter((p) => p !== undefined)
			)
		];
		if (people.length === 0) continue;
		const { cells, parts } = noteCells(st.grid, note, cellCache);
		// A coarse note cannot place a person in one cell: it adds no person-day presence.
		if (cells.length === 0 || (parts > 1 && !countShare)) continue;
		const day = st.days.of(note.observedAt);
		// Children outside the three neighbourhoods keep their part: it is simply not on the map.
		const w = 1 / people.length / parts;
		for (const p of people) {
			const cut = contains(cuts.get(p) ?? [], note.observedAt);
			for (const c of cells) {
				if (countShare) st.contrib.share(c, w, cut ? 0 : w);
				if (!cut) st.contrib.add(c, p, day, w);
			}
		}
	}
	st.contrib.flush();
}

export interface NoteCells {
	cells: number[];
	parts: number;
}

function noteCells(g: CellGrid, note: LocatedNote, cache: Map<string, NoteCells>): NoteCells {
	if (note.cell !== undefined) return cellsOfId(g, note.cell, cache);
	const c = cellAt(g, note.lat!, note.lon!);
	return { cells: c < 0 ? [] : [c], parts: 1 };
}

/**
 * The map's cells an H3 cell of any resolution stands for: itself, its parent (a finer cell), or
 * its children (a coarser one, `parts` of them, some perhaps outside the map).
 */
export function cellsOfId(g: CellGrid, id: string, cache: Map<string, NoteCells>): NoteCells {
	let found = cache.get(id);
	if (found === undefined) {
		found = { cells: [], parts: 1 };
		if (isValidCell(id)) {
			const r = getResolution(id);
			const ids =
				r === g.resolution
					? [id]
					: r > g.resolution
						? [cellToParent(id, g.resolution)]
						: cellToChildren(id, g.resolution);
			found.parts = ids.length;
			for (const one of ids) {
				const c = g.index.get(one);
				if (c !== undefined) found.cells.push(c);
			}
		}
		cache.set(id, found);
	}
	return found;
}
