import { watchRows } from '$lib/db/live-query';
import { workspace } from './workspace.svelte';

/**
 * A Dexie live query as runes state. The querier only reads rows (Dexie's rule: no other async
 * work inside it); `decode` turns them into entities afterwards, so a slow decode never
 * breaks the observation. Results that arrive out of order are dropped. When the workspace locks
 * the value goes back to `initial`.
 * Create it during component initialisation (it owns an $effect).
 */
export class Live<R, T = R> {
	#value = $state.raw<T>() as T;
	#loaded = $state(false);
	#error = $state.raw<unknown>(null);

	constructor(querier: () => Promise<R>, decode: (rows: R) => Promise<T> | T, initial: T) {
		this.#value = initial;
		$effect(() => {
			// Locked (or closing): what was read is let go, so nothing of it stays in memory.
			if (!workspace.ready) {
				this.#value = initial;
				this.#loaded = false;
				return;
			}
			void workspace.revision;
			let seq = 0;
			let latest = 0;
			const sub = watchRows(querier, {
				next: (rows) => {
					const mine = ++seq;
					void Promise.resolve(decode(rows)).then(
						(value) => {
							if (mine < latest) return;
							latest = mine;
							this.#value = value;
							this.#loaded = true;
						},
						(e: unknown) => (this.#error = e)
					);
				},
				error: (e: unknown) => (this.#error = e)
			});
			return () => sub.unsubscribe();
		});
	}

	get value(): T {
		return this.#value;
	}
	get loaded(): boolean {
		return this.#loaded;
	}
	get error(): unknown {
		return this.#error;
	}
}

/** A live query whose querier already returns what the screen needs. */
export function live<T>(querier: () => Promise<T>, initial: T): Live<T, T> {
	return new Live(querier, (v) => v, initial);
}
