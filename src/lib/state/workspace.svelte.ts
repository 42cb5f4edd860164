import { currentKind, deleteWorkspace, openWorkspace, type WorkspaceKind } from '$lib/db/workspace';
import { requestPersistence } from '$lib/services/storage.service';
import { ensureStarterCodebook } from '$lib/services/codebook.service';

const KEY = 'stedsans.workspace';

function rememberedKind(): WorkspaceKind {
	try {
		return localStorage.getItem(KEY) === 'demo' ? 'demo' : 'main';
	} catch {
		return 'main';
	}
}

/** Which workspace is open. Live queries read `revision` so they re-subscribe after a switch. */
class WorkspaceState {
	#kind = $state<WorkspaceKind | null>(null);
	#revision = $state(0);
	#failure = $state<unknown>(null);

	get kind() {
		return this.#kind;
	}
	get ready() {
		return this.#kind !== null;
	}
	get revision() {
		return this.#revision;
	}
	get failure() {
		return this.#failure;
	}
	get isDemo() {
		return this.#kind === 'demo';
	}

	async init(): Promise<void> {
		try {
			await this.#open(rememberedKind());
			void requestPersistence().catch(() => false);
		} catch (e) {
			this.#failure = e;
		}
	}

	async switchTo(kind: WorkspaceKind): Promise<void> {
		await this.#open(kind);
	}

	/** Deletes a workspace's database; leaving the demo goes back to the main workspace. */
	async erase(kind: WorkspaceKind): Promise<void> {
		await deleteWorkspace(kind);
		await this.#open(kind === 'demo' ? 'main' : kind);
	}

	async #open(kind: WorkspaceKind): Promise<void> {
		await openWorkspace(kind);
		await ensureStarterCodebook();
		try {
			localStorage.setItem(KEY, kind);
		} catch {
			// private mode: start in the main workspace next time
		}
		this.#kind = currentKind();
		this.#revision++;
	}
}

export const workspace = new WorkspaceState();
