import { m } from '$lib/paraglide/messages.js';
import type { OutlineInfo } from '$lib/db/boundaries.repo';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods/keys';

/** Who drew the outlines in use: the project's approximate ones, or the imported file's source. */
export function outlineAttribution(info: Record<NeighbourhoodKey, OutlineInfo>): string[] {
	const names = Object.values(info).map((o) =>
		o.boundary ? o.boundary.attribution || o.boundary.sourceName : m.outlinesAttribution()
	);
	return [...new Set(names)];
}
