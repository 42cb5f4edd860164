import { isRetryable, type RelayErrorCode, type TeamState } from '$lib/domain/sync';
import { StorageFullError } from '$lib/db/errors';
import { RelayError, RelayUnreachableError } from './relay-errors';
import { loadConfig, openSession, type SyncSession } from './sync-config.service';
import { NoTeamKeyError, syncOnce, tendTeam, type SyncProgress } from './sync-engine.service';
import { pendingChanges, openConflicts, lastSyncAt } from './sync-status.service';

/**
 * Sync while the workspace is unlocked and the device online: a round when it opens, when the
 * relay says its log grew or the team changed, when something here waits to be pushed (checked
 * every `LOCAL_CHECK_MS`), when the device comes back online, every 30 s in case an event was
 * missed, and on demand. Locked, it stops:
 * the keys are gone with the data key. The status is what the navigation shows.
 */
export type SyncCondition = 'off' | 'syncing' | 'synced' | 'waiting' | 'offline' | 'problem';

/** What went wrong, in words the screens turn into what to do. */
export type SyncProblem =
	'unreachable' | 'removed' | 'no-key' | 'storage-full' | 'relay-full' | 'refused' | 'unknown';

const LOCAL_CHECK_MS = 1500;
/** A round at least this often while online, in case the events stream missed something. */
const ROUND_EVERY_CHECKS = 20;

export function problemOf(e: unknown): SyncProblem {
	if (e instanceof RelayUnreachableError) return 'unreachable';
	if (e instanceof NoTeamKeyError) return 'no-key';
	if (e instanceof StorageFullError) return 'storage-full';
	if (e instanceof RelayError) {
		const code: RelayErrorCode = e.code;
		if (code === 'removed' || code === 'not-member') return 'removed';
		if (code === 'log-full') return 'relay-full';
		if (isRetryable(code)) return 'unreachable';
		return 'refused';
	}
	return 'unknown';
}

class SyncState {
	#session = $state.raw<SyncSession | null>(null);
	#team = $state.raw<TeamState | null>(null);
	#running = $state(false);
	#pending = $state(0);
	#conflicts = $state(0);
	#lastSync = $state<number | null>(null);
	#progress = $state.raw<SyncProgress | null>(null);
	#problem = $state<SyncProblem | null>(null);
	#online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	#abort: AbortController | null = null;
	#again = false;
	#timer: ReturnType<typeof setInterval> | null = null;
	/** Bumped by every stop, so a start still reading its settings does not start after a lock. */
	#epoch = 0;
	#checks = 0;

	get session() {
		return this.#session;
	}
	get team() {
		return this.#team;
	}
	get pending() {
		return this.#pending;
	}
	get conflicts() {
		return this.#conflicts;
	}
	get lastSync() {
		return this.#lastSync;
	}
	get progress() {
		return this.#progress;
	}
	get problem() {
		return this.#problem;
	}
	get condition(): SyncCondition {
		if (!this.#session) return 'off';
		if (!this.#online) return 'offline';
		if (this.#running) return 'syncing';
		if (this.#problem) return 'problem';
		return this.#pending > 0 ? 'waiting' : 'synced';
	}

	/** The workspace is unlocked: read the membership (sealed) and start, if there is one. */
	async start(): Promise<void> {
		if (this.#session) return;
		const epoch = this.#epoch;
		const config = await loadConfig();
		if (!config) return;
		const session = await openSession(config);
		if (epoch === this.#epoch) this.use(session);
	}

	/** Begins syncing a session (after start, create or join). */
	use(session: SyncSession): void {
		this.stop();
		this.#session = session;
		this.#problem = null;
		const abort = (this.#abort = new AbortController());
		const onNetwork = () => {
			this.#online = navigator.onLine;
			if (this.#online) void this.syncNow();
		};
		globalThis.addEventListener?.('online', onNetwork, { signal: abort.signal });
		globalThis.addEventListener?.('offline', onNetwork, { signal: abort.signal });
		this.#timer = setInterval(() => void this.#checkLocal(), LOCAL_CHECK_MS);
		session.client
			.subscribe((event) => {
				if (event.type === 'team') void this.refreshTeam();
				void this.syncNow();
			}, abort.signal)
			.catch((e: unknown) => {
				this.#problem = problemOf(e);
			});
		void this.refreshTeam();
		void this.syncNow();
	}

	/** Locked, left or removed: stop everything; the keys go with the session. */
	stop(): void {
		this.#epoch++;
		this.#abort?.abort();
		this.#abort = null;
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
		this.#session = null;
		this.#team = null;
		this.#running = false;
		this.#progress = null;
	}

	async refreshTeam(): Promise<void> {
		const session = this.#session;
		if (!session) return;
		try {
			this.#team = await tendTeam(session);
		} catch (e) {
			this.#problem = problemOf(e);
		}
	}

	async #checkLocal() {
		if (!this.#session || this.#running) return;
		try {
			this.#pending = await pendingChanges();
			const due = ++this.#checks % ROUND_EVERY_CHECKS === 0;
			if ((this.#pending > 0 || due) && this.#online) await this.syncNow();
		} catch {
			// Locked meanwhile: the vault stops this runner.
		}
	}

	/** One round now (or right after the one running). */
	async syncNow(): Promise<void> {
		const session = this.#session;
		if (!session || !this.#online) return;
		if (this.#running) {
			this.#again = true;
			return;
		}
		this.#running = true;
		try {
			do {
				this.#again = false;
				await syncOnce(session, (p) => (this.#progress = p));
				this.#problem = null;
			} while (this.#again && this.#session === session);
		} catch (e) {
			if (this.#session === session) this.#problem = problemOf(e);
		} finally {
			this.#running = false;
			this.#progress = null;
			await this.#refreshCounts();
		}
	}

	async #refreshCounts() {
		try {
			this.#pending = await pendingChanges();
			this.#conflicts = await openConflicts();
			this.#lastSync = await lastSyncAt();
		} catch {
			// Locked meanwhile.
		}
	}
}

export const sync = new SyncState();
