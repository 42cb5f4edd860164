import { outboxCount } from '$lib/db/sync-outbox';
import { conflictCount, readLastSync } from '$lib/db/sync-store';

/** The counts the sync status shows: changes waiting to be pushed, conflicts kept, the last round. */
export const pendingChanges = (): Promise<number> => outboxCount();
export const openConflicts = (): Promise<number> => conflictCount();
export const lastSyncAt = (): Promise<number | null> => readLastSync();
