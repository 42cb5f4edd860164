import { m } from '$lib/paraglide/messages.js';
import { formatDateTime, type AppLocale } from '$lib/domain/format/datetime';
import type { SyncCondition, SyncProblem } from '$lib/features/sync/sync.svelte';
import type { SyncProgress } from '$lib/features/sync/sync-engine.service';

/** What to do about a sync problem, in the user's words. */
export function problemText(problem: SyncProblem): string {
	switch (problem) {
		case 'unreachable':
			return m.syncProblemUnreachable();
		case 'removed':
			return m.syncProblemRemoved();
		case 'no-key':
			return m.syncProblemNoKey();
		case 'storage-full':
			return m.syncProblemStorageFull();
		case 'relay-full':
			return m.syncProblemRelayFull();
		case 'refused':
			return m.syncProblemRefused();
		case 'unknown':
			return m.syncProblemUnknown();
	}
}

/** The one short word the navigation has room for on a phone. */
export function navText(condition: SyncCondition, pending: number): string {
	switch (condition) {
		case 'syncing':
			return m.syncNavSyncing();
		case 'waiting':
			return m.syncNavWaiting({ n: pending });
		case 'offline':
			return m.syncStatusOffline();
		case 'problem':
			return m.syncNavProblem();
		default:
			return m.syncNavSynced();
	}
}

/** The status in words (Team sync's heading, the navigation's name). */
export function conditionText(condition: SyncCondition, pending: number): string {
	switch (condition) {
		case 'syncing':
			return m.syncStatusSyncing();
		case 'waiting':
			return m.syncStatusWaiting({ n: pending });
		case 'offline':
			return m.syncStatusOffline();
		case 'problem':
			return m.syncStatusProblem();
		default:
			return m.syncStatusSynced();
	}
}

export function lastSyncText(at: number | null, locale: AppLocale): string {
	return at === null ? m.syncStatusNever() : m.syncStatusLast({ time: formatDateTime(at, locale) });
}

export function progressText(p: SyncProgress): string {
	const args = { done: p.done, total: p.total };
	return p.phase === 'push' ? m.syncProgressPush(args) : m.syncProgressPull(args);
}
