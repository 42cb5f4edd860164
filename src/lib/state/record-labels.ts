import { m } from '$lib/paraglide/messages.js';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods';
import type { TrashItem } from '$lib/services/trash.service';
import { neighbourhoodName } from './neighbourhood-names';

/** A one-line description of a deleted record, in the user's language. */
export function describeTrashItem(item: TrashItem): string {
	const e = item.entity;
	switch (item.table) {
		case 'boundaries':
			return m.trashItemBoundary({
				neighbourhood: neighbourhoodName(e.neighbourhood as NeighbourhoodKey),
				source: String(e.sourceName)
			});
		case 'ethnographers':
			return m.trashItemEthnographer({ name: String(e.displayName || '—') });
		case 'settings':
			return m.trashItemSettings();
	}
}
