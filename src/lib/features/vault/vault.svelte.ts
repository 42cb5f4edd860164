import { ChangedOutsideError, WrongPassphraseError } from '$lib/crypto/errors';
import { whenChangedOutside } from '$lib/db/codec';
import {
	attachVault,
	checkRemainingRecords,
	commitKeys,
	detachVault,
	encryptExisting,
	lockVault,
	needsEncrypting,
	nextUnlockAttempt,
	prepareKeys,
	recover,
	unlock,
	TooSoonError,
	type PendingKeys
} from './vault.service';
import { announcer } from '$lib/features/app/announcer.svelte';
import { m } from '$lib/paraglide/messages.js';
import { whenDepositsRefused } from './drop-box-keys.service';

/**
 * Which screen the own workspace shows before its content: `setup` (first run, or a workspace
 * from before encryption), `recovery-key` (the new recovery key, until it is saved), `locked`,
 * `opening` (encrypting existing data, taking in what was recorded while locked), `open`,
 * `changed` (stored data was changed outside the app: nothing of it is acted on).
 * `none`: not the own workspace (the demo is never locked), or not known yet.
 */
export type VaultScreen =
	'none' | 'setup' | 'recovery-key' | 'locked' | 'opening' | 'open' | 'changed';

class VaultState {
	#screen = $state<VaultScreen>('none');
	#existingData = $state(false);
	#recoveryKey = $state<string | null>(null);
	#pendingKdf = $state.raw<PendingKeys['file']['passphrase']['kdf'] | null>(null);
	#progress = $state<{ done: number; total: number } | null>(null);
	#failures = $state(0);
	#retryAt = $state(0);
	#error = $state.raw<unknown>(null);
	#changed = $state.raw<ChangedOutsideError | null>(null);
	#pending: PendingKeys | null = null;
	#beforeLock = new Set<() => Promise<unknown> | unknown>();

	get screen() {
		return this.#screen;
	}
	get open() {
		return this.#screen === 'open';
	}
	/** The setup screen is encrypting a workspace that already holds data. */
	get existingData() {
		return this.#existingData;
	}
	get recoveryKey() {
		return this.#recoveryKey;
	}
	/** How the new key was derived (shown with the recovery key when not at full strength). */
	get pendingKdf() {
		return this.#pendingKdf;
	}
	/** Encrypting existing data: records done of all; null when nothing is to be encrypted. */
	get progress() {
		return this.#progress;
	}
	get failures() {
		return this.#failures;
	}
	/** When the next passphrase may be tried, on performance.now()'s clock (0 or past: now). */
	get retryAt() {
		return this.#retryAt;
	}
	/** What went wrong opening the workspace (after an unlock); the screen offers a retry. */
	get error() {
		return this.#error;
	}

	/** What was found changed outside the app (the `changed` screen says it). */
	get changed() {
		return this.#changed;
	}

	/** The own workspace has opened: which screen it needs first. */
	async attach(): Promise<void> {
		this.#reset();
		whenChangedOutside((e) => this.#changedOutside(e));
		whenDepositsRefused((count) => announcer.fail(m.dropBoxRefused({ count })));
		const condition = await attachVault();
		this.#existingData = condition === 'unencrypted';
		if (condition === 'locked') await this.#refreshBackoff();
		this.#screen = condition === 'locked' ? 'locked' : 'setup';
	}

	/** Another workspace opened (the demo): no keys, no vault screen. */
	detach(): void {
		whenChangedOutside(null);
		whenDepositsRefused(null);
		detachVault();
		this.#reset();
	}

	/** First run: makes the keys and shows the recovery key. Nothing is stored yet. */
	async create(passphrase: string): Promise<void> {
		this.#pending = await prepareKeys(passphrase);
		this.#recoveryKey = this.#pending.recoveryKey;
		this.#pendingKdf = this.#pending.file.passphrase.kdf;
		this.#screen = 'recovery-key';
	}

	/** The recovery key is printed or saved: the keys are stored and the workspace opens. */
	async confirmRecoveryKey(): Promise<void> {
		if (!this.#pending) return;
		await commitKeys(this.#pending);
		this.#pending = null;
		this.#recoveryKey = null;
		this.#pendingKdf = null;
		await this.#opened();
	}

	/** Back from the recovery key to choosing a passphrase (nothing was stored). */
	discardKeys(): void {
		this.#pending = null;
		this.#recoveryKey = null;
		this.#pendingKdf = null;
		this.#screen = 'setup';
	}

	/** Throws WrongPassphraseError or TooSoonError; the back-off state is updated either way. */
	async unlock(passphrase: string): Promise<void> {
		try {
			await unlock(passphrase);
		} catch (e) {
			if (e instanceof WrongPassphraseError || e instanceof TooSoonError)
				await this.#refreshBackoff();
			if (e instanceof ChangedOutsideError) return this.#changedOutside(e);
			throw e;
		}
		await this.#opened();
	}

	async recover(recoveryKey: string, newPassphrase: string): Promise<void> {
		try {
			await recover(recoveryKey, newPassphrase);
		} catch (e) {
			if (e instanceof ChangedOutsideError) return this.#changedOutside(e);
			throw e;
		}
		await this.#opened();
	}

	/**
	 * Stored data was changed outside the app: the keys go at once (no pending edit is saved, no
	 * row is sealed or deleted) and the screen says what was found. Locking leads back from it.
	 */
	#changedOutside(e: ChangedOutsideError): void {
		if (this.#screen === 'none') return;
		lockVault();
		announcer.reset();
		this.#changed = e;
		this.#screen = 'changed';
	}

	/** From the `changed` screen back to the lock screen (the workspace stays as it was found). */
	async backToLock(): Promise<void> {
		this.#changed = null;
		this.#screen = 'locked';
		await this.#refreshBackoff();
	}

	/** Runs again what opening needs after a failure (encrypting was interrupted, say). */
	async retryOpening(): Promise<void> {
		await this.#opened();
	}

	/**
	 * Locks: pending edits are saved first (with the keys still there), then the screen is
	 * cleared and the keys are dropped. Recording goes on into the drop box.
	 */
	async lock(): Promise<void> {
		if (this.#screen !== 'open') return;
		const flushes = [...this.#beforeLock].map((fn) => Promise.resolve().then(fn));
		await Promise.race([
			Promise.allSettled(flushes),
			new Promise((resolve) => setTimeout(resolve, 2_000))
		]);
		if (this.#screen !== 'open') return;
		this.#screen = 'locked';
		announcer.reset();
		lockVault();
		await this.#refreshBackoff();
	}

	/** Work to finish before the keys go (a note's pending autosave). Returns the unregister. */
	beforeLock(fn: () => Promise<unknown> | unknown): () => void {
		this.#beforeLock.add(fn);
		return () => this.#beforeLock.delete(fn);
	}

	async #opened(): Promise<void> {
		this.#screen = 'opening';
		this.#error = null;
		this.#failures = 0;
		this.#retryAt = 0;
		try {
			if (await needsEncrypting()) {
				this.#progress = { done: 0, total: 0 };
				await encryptExisting({ onProgress: (p) => void (this.#progress = p) });
			}
			// What was recorded while locked (loaded with the recorder's code, when needed).
			const { absorbDropBox } = await import('./drop-box.service');
			await absorbDropBox();
			// Loaded here, not with the lock screen: it brings the repositories and their schemas.
			const { ensureStarterCodebook } = await import('$lib/features/notes/codebook.service');
			await ensureStarterCodebook();
			this.#progress = null;
			// The large tables are checked against their tags while the first screen shows.
			void checkRemainingRecords().catch((e: unknown) => {
				if (e instanceof ChangedOutsideError) this.#changedOutside(e);
			});
			// Something changed outside the app was found meanwhile: that screen stays.
			if (this.#screen === 'opening') this.#screen = 'open';
		} catch (e) {
			if (e instanceof ChangedOutsideError) this.#changedOutside(e);
			else this.#error = e;
		}
	}

	async #refreshBackoff(): Promise<void> {
		const { failures, waitMs } = await nextUnlockAttempt();
		this.#failures = failures;
		// performance.now(), not Date.now(): a device clock set forward does not end the wait.
		this.#retryAt = waitMs && performance.now() + waitMs;
	}

	#reset(): void {
		this.#screen = 'none';
		this.#pending = null;
		this.#recoveryKey = null;
		this.#pendingKdf = null;
		this.#progress = null;
		this.#error = null;
		this.#changed = null;
		this.#existingData = false;
	}
}

export const vault = new VaultState();
