import { m } from '$lib/paraglide/messages.js';
import { announcer } from './announcer.svelte';

/**
 * Busy while work runs, whatever becomes of it (counted, so two runs at once keep it busy until
 * both are done). On its own, for work whose failure the caller handles itself (a dialog that
 * shows it inline, a state class whose screen decides): the error is thrown on. Most buttons
 * want `Action`, which announces.
 */
export class Busy {
	#running = $state(0);

	get busy(): boolean {
		return this.#running > 0;
	}

	async during<T>(work: () => Promise<T>): Promise<T> {
		this.#running++;
		try {
			return await work();
		} finally {
			this.#running--;
		}
	}
}

/** What to say when a run went well: a message (or one made from the result), and an Undo. */
export interface ActionReport<T> {
	done?: string | ((result: T) => string | null | undefined);
	/** Offered beside the confirmation as Undo (given what the work returned). */
	undo?: (result: T) => Promise<unknown>;
}

/**
 * What a button that starts a write does, written once: the last failure is taken down (this is
 * a new try), busy while the work runs (so the screen can disable the button and show progress),
 * then the result is announced, or the failure in words the user can act on (`describe`).
 */
export class Action {
	readonly #work = new Busy();
	readonly #describe: (error: unknown) => string;

	constructor(describe: (error: unknown) => string) {
		this.#describe = describe;
	}

	get busy(): boolean {
		return this.#work.busy;
	}

	/** Returns what `work` returned, or undefined when it failed (announced, not thrown). */
	async run<T>(work: () => Promise<T>, report: ActionReport<T> = {}): Promise<T | undefined> {
		announcer.dismissError();
		try {
			const result = await this.#work.during(work);
			const text = typeof report.done === 'function' ? report.done(result) : report.done;
			const undo = report.undo;
			// Undo's own failure is announced by the announcer, which runs it.
			const offer = undo && { label: m.undo(), run: async () => void (await undo(result)) };
			if (text) announcer.confirm(text, offer);
			return result;
		} catch (e) {
			announcer.fail(this.#describe(e));
			return undefined;
		}
	}
}
