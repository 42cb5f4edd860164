import { liveQuery } from 'dexie';

export interface RowWatch {
	unsubscribe(): void;
}

/**
 * Dexie's live query behind a two-method interface, so runes state watches rows without
 * importing Dexie (the layer rule in ARCHITECTURE.md). `querier` only reads rows: Dexie
 * observes what it read and calls `next` again whenever another write (in any tab) touches it.
 */
export function watchRows<T>(
	querier: () => Promise<T>,
	observer: { next: (value: T) => void; error?: (e: unknown) => void }
): RowWatch {
	return liveQuery(querier).subscribe(observer);
}
