import type { SyncMac } from '$lib/crypto/sync-mac';
import { LockedError } from '$lib/crypto/errors';

/**
 * Keyed index values (issue 16): a link kept in an index (a note's follow-along, a day's
 * participant, a stop's place) is stored as an HMAC of the id under a key derived from the data
 * key (crypto/sync-mac.ts, purpose `index`), so equal ids still match while the workspace is
 * unlocked, and a locked workspace shows no id of another record. Every query on such an index
 * and every row written goes through `indexKey`. Without a key held — the demo workspace, whose
 * data is synthetic, and an own workspace before encryption is set up — the value is the id
 * itself; setting up encryption rewrites every row (db/rewrite-in-place.ts).
 */
let mac: SyncMac | null = null;
/** Whether the open workspace has keys: then a lookup without the key held is refused. */
let keyed = false;

export function holdIndexKey(key: SyncMac | null, vaultExists: boolean): void {
	if (mac !== key) mac?.forget();
	mac = key;
	keyed = vaultExists;
}

/** The value stored in (and looked up from) an index for this id. */
export function indexKey(value: string): string {
	if (mac) return mac.tag(['index', value]);
	if (keyed) throw new LockedError();
	return value;
}

/** `indexKey` of each value. */
export const indexKeys = (values: readonly string[]): string[] => values.map(indexKey);
