import { deleteWorkspace } from '$lib/db/workspace';
import { Busy } from '$lib/features/app/action.svelte';
import { workspace } from '$lib/features/app/workspace.svelte';

/** Starting and wiping the demo workspace, with progress for the screen. */
class DemoState {
	readonly #work = new Busy();
	#done = $state(0);
	#total = $state(0);

	get busy() {
		return this.#work.busy;
	}
	get fraction() {
		return this.#total ? this.#done / this.#total : 0;
	}

	/** A fresh demo workspace, filled from the seeded generator. */
	async start(): Promise<void> {
		this.#done = 0;
		await this.#work.during(async () => {
			await deleteWorkspace('demo');
			await workspace.switchTo('demo');
			// The generator (and h3-js with it) loads only when someone asks for the demo.
			const { seedDemo } = await import('./demo.service');
			await seedDemo((done, total) => {
				this.#done = done;
				this.#total = total;
			});
			await workspace.switchTo('demo');
		});
	}

	async wipe(): Promise<void> {
		await workspace.erase('demo');
	}
}

export const demo = new DemoState();
