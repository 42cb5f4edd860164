import type { CellResolution } from '../geo/cells';
import type { AreaGeometry } from '../neighbourhoods/geometry';
import type { NeighbourhoodKey } from '../neighbourhoods/keys';
import { buildCellGrid, type CellGrid } from './grid';
import { indexInstitutions, type InstitutionIndex } from './institutions';
import type { Institution } from './schema';

/*
 * The cell grid (tens of milliseconds at resolution 10) and the institution bins depend only on
 * the outlines, the resolution, the institutions and the buffer, and are never changed once
 * built. A worker recomputing with other options reuses them; keyed by content, not identity,
 * because every worker message is a fresh copy. Results are the same with or without the cache.
 */

const MAX_ENTRIES = 4;
const grids = new Map<string, CellGrid>();
const institutionIndexes = new Map<string, InstitutionIndex>();

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
	let value = cache.get(key);
	if (value === undefined) {
		value = make();
		if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
		cache.set(key, value);
	}
	return value;
}

export function cachedGrid(
	outlines: Record<NeighbourhoodKey, AreaGeometry>,
	resolution: CellResolution
): { grid: CellGrid; key: string } {
	const key = `${resolution}|${JSON.stringify(outlines)}`;
	return { grid: remember(grids, key, () => buildCellGrid(outlines, resolution)), key };
}

export function cachedInstitutions(
	grid: CellGrid,
	gridKey: string,
	list: readonly Institution[],
	bufferMetres: number
): InstitutionIndex {
	const key = `${gridKey}|${bufferMetres}|${JSON.stringify(list)}`;
	return remember(institutionIndexes, key, () => indexInstitutions(list, grid, bufferMetres));
}

/** Drops the cached grids (for benchmarks that measure a cold start). */
export function clearHeatmapCaches(): void {
	grids.clear();
	institutionIndexes.clear();
}
