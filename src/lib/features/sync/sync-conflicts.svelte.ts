import type { Resolution } from '$lib/domain/exchange/resolve';
import type { ConflictFlow } from '$lib/features/exchange/conflict-flow';
import type { ImportConflict } from '$lib/features/exchange/package-import.service';
import { listConflicts, settleConflict, type SyncConflict } from './sync-conflicts.service';
import { sync } from './sync.svelte';

/**
 * The conflicts team sync kept, for the conflict screen the team package import uses. A choice
 * is written at once (it is an ordinary change, so it syncs), and the list is read again.
 */
export class SyncConflicts implements ConflictFlow {
	#items = $state.raw<SyncConflict[]>([]);
	#error = $state<unknown>(null);
	current = $state(0);
	readonly resolutions: ReadonlyMap<string, Resolution> = new Map();
	readonly settled = 0;

	#copySuffix: () => string;

	constructor(copySuffix: () => string) {
		this.#copySuffix = copySuffix;
	}

	get count() {
		return this.#items.length;
	}
	get error() {
		return this.#error;
	}

	get preview() {
		if (this.#items.length === 0) return null;
		const conflicts: ImportConflict[] = this.#items.map((c) => ({
			key: c.key,
			table: c.table,
			keepBoth: c.keepBoth,
			conflict: {
				kind: 'conflict',
				id: c.local.id,
				local: c.local,
				incoming: c.incoming,
				reason: c.reason!
			}
		}));
		return { conflicts, names: new Map<string, string>(), header: { madeBy: { displayName: '' } } };
	}

	async load(): Promise<void> {
		this.#items = await listConflicts();
		this.current = Math.min(this.current, Math.max(0, this.#items.length - 1));
	}

	choose(key: string, choice: Resolution): void {
		const item = this.#items.find((c) => c.key === key);
		if (item) void this.#settle([item], choice);
	}

	chooseRest(choice: 'mine' | 'theirs'): void {
		void this.#settle(this.#items, choice);
	}

	async #settle(items: SyncConflict[], choice: Resolution) {
		try {
			for (const c of items) await settleConflict(c, choice, this.#copySuffix());
			this.#error = null;
		} catch (e) {
			this.#error = e;
		}
		await this.load();
		void sync.syncNow();
	}
}
