import { outboxCount } from '$lib/db/sync-outbox';
import { readLastSync } from '$lib/db/sync-store';
import { listConflicts } from './sync-conflicts.service';

/** The counts the sync status shows: changes waiting to be pushed, conflicts kept, the last round. */
export const pendingChanges = (): Promise<number> => outboxCount();
/** Conflicts still open: those a later change settled are dropped as they are counted. */
export const openConflicts = async (): Promise<number> => (await listConflicts()).length;
export const lastSyncAt = (): Promise<number | null> => readLastSync();
