// Specific modules, not the barrel: the first screen needs no boundary import code (Turf union).
import { BoundaryContent } from '$lib/domain/neighbourhoods/boundary-record';
import type { AreaGeometry } from '$lib/domain/neighbourhoods/geometry';
import { NEIGHBOURHOOD_KEYS, type NeighbourhoodKey } from '$lib/domain/neighbourhoods/keys';
import type { Outlines } from '$lib/domain/neighbourhoods/locate';
import { APPROXIMATE_OUTLINES } from '$lib/domain/neighbourhoods/outlines';
import type { Row } from './db';
import { db } from './workspace';
import { defineRepository, type EntityOf } from './repository';
import { writeTransaction } from './commit';

export const boundariesRepo = defineRepository({
	table: 'boundaries',
	content: BoundaryContent,
	version: 1
});

export type Boundary = EntityOf<typeof BoundaryContent>;

export interface OutlineInfo {
	geometry: AreaGeometry;
	/** null: the bundled approximate outline. */
	boundary: Boundary | null;
}

/** The outline in use for each neighbourhood: the newest imported one, else the bundled one. */
export async function currentOutlines(): Promise<Record<NeighbourhoodKey, OutlineInfo>> {
	const imported = await boundariesRepo.list();
	const out = {} as Record<NeighbourhoodKey, OutlineInfo>;
	for (const key of NEIGHBOURHOOD_KEYS) {
		const newest = imported
			.filter((b) => b.neighbourhood === key)
			.sort((a, b) => b.updatedAt - a.updatedAt)[0];
		out[key] = newest
			? { geometry: newest.geometry, boundary: newest }
			: { geometry: APPROXIMATE_OUTLINES[key], boundary: null };
	}
	return out;
}

export function outlinesOnly(info: Record<NeighbourhoodKey, OutlineInfo>): Outlines {
	return Object.fromEntries(NEIGHBOURHOOD_KEYS.map((k) => [k, info[k].geometry])) as Outlines;
}

/** Replaces the imported outlines of the given neighbourhoods in one transaction. */
export async function replaceBoundaries(items: Omit<BoundaryContent, never>[]): Promise<void> {
	const existing = await boundariesRepo.list();
	const now = Date.now();
	const rows: Row[] = [];
	for (const old of existing.filter((b) => items.some((i) => i.neighbourhood === b.neighbourhood)))
		rows.push(await boundariesRepo.toRow(boundariesRepo.trash(old, now)));
	const created = await Promise.all(items.map((item) => boundariesRepo.prepare(item, now)));
	rows.push(...(await Promise.all(created.map((e) => boundariesRepo.toRow(e)))));
	await writeTransaction(['boundaries'], () => db().recordTable('boundaries').bulkPut(rows));
}
