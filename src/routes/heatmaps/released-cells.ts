import { classOfBand } from '$lib/domain/heatmap/classes';
import type { ReleaseStatement } from '$lib/domain/heatmap/release-schema';
import type { HeatCell } from '$lib/domain/heatmap/schema';

/** A release's cells as the map draws them: their class (the weight is the class's lower bound). */
export function releasedCells(s: Pick<ReleaseStatement, 'cells' | 'parameters'>): HeatCell[] {
	return s.cells.map((c) => ({
		cell: c.cell,
		weight: c.from,
		class: classOfBand(c, s.parameters.classBreaks) ?? 1
	}));
}
