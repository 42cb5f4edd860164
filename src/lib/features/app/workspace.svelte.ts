import { currentKind, deleteWorkspace, openWorkspace, type WorkspaceKind } from '$lib/db/workspace';
import { requestPersistence } from '$lib/features/settings/storage.service';
import { vault } from '$lib/features/vault/vault.svelte';

const KEY = 'stedsans.workspace';

function rememberedKind(): WorkspaceKind {
	try {
		return localStorage.getItem(KEY) === 'demo' ? 'demo' : 'main';
	} catch {
		return 'main';
	}
}

/**
 * Which workspace is open. `open`: its database is; `ready`: its content can be read too (the
 * demo always, the own workspace once unlocked). Screens and live queries follow `ready`, so a
 * lock clears them; live queries read `revision` so they re-subscribe after a switch.
 */
class WorkspaceState {
	#kind = $state<WorkspaceKind | null>(null);
	#revision = $state(0);
	#failure = $state<unknown>(null);

	get kind() {
		return this.#kind;
	}
	get open() {
		return this.#kind !== null;
	}
	get ready() {
		return this.#kind === 'demo' || (this.#kind === 'main' && vault.open);
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
		// The own workspace is encrypted: its starter codebook is written once it is unlocked.
		if (kind === 'main') await vault.attach();
		else {
			vault.detach();
			// Loaded here, not with the lock screen: it brings the repositories and their schemas.
			const { ensureStarterCodebook } = await import('$lib/features/notes/codebook.service');
			await ensureStarterCodebook();
		}
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
