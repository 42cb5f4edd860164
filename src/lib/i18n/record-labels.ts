import { m } from '$lib/paraglide/messages.js';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods';
import type { TrashItem } from '$lib/features/settings/trash.service';
import { neighbourhoodName } from './neighbourhood-names';
import { activityName } from './named-place-labels';
import type { Activity } from '$lib/domain/named-places/named-place';
import { formatDateTime } from '$lib/domain/format/datetime';
import { locale } from '$lib/features/app/locale.svelte';

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
		case 'participants':
			return m.trashItemParticipant({ code: String(e.code) });
		case 'codes': {
			const label = e.label as { en: string; da: string };
			return m.trashItemCode({ label: label[locale.current] || label.en || label.da });
		}
		case 'notes':
			return m.trashItemNote({
				date: formatDateTime(Number(e.observedAt), locale.current),
				preview: String(e.text).slice(0, 80) || '…'
			});
		case 'followAlongs':
			return m.trashItemFollowAlong({ date: formatDateTime(Number(e.startedAt), locale.current) });
		case 'stops':
			return m.trashItemStop({
				date: formatDateTime(Number(e.arrivedAt), locale.current),
				name: String(e.ownName || '—')
			});
		case 'places':
			return m.trashItemPlace({ name: String(e.name) });
		case 'interviews':
			return m.trashItemInterview({ date: String(e.date) });
		case 'namedPlaces':
			return m.trashItemNamedPlace({ activity: activityName(e.activity as Activity) });
		case 'fixChunks':
		case 'tombstones':
		case 'releases':
		case 'placeRevisions':
			return item.table;
	}
}
