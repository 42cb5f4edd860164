import type { Resolution } from '$lib/domain/exchange/resolve';
import { Busy } from '$lib/features/app/action.svelte';
import { applyPackageImport } from './package-apply.service';
import type { ImportLogEntry } from './import-log.service';
import { readTeamPackage, type ImportPreview, type ReadProblem } from './package-import.service';

/**
 * One import from a team package: read and checked, conflicts settled one by one, then written
 * in one go. Until `apply`, nothing is stored; `cancel` leaves the workspace as it was.
 */
export class PackageImport {
	#preview = $state.raw<ImportPreview | null>(null);
	#resolutions = $state.raw(new Map<string, Resolution>());
	readonly #work = new Busy();
	/** A package sealed with a passphrase, waiting for it. */
	#locked = $state.raw<{ file: Blob; size: number } | null>(null);
	current = $state(0);

	get locked(): boolean {
		return this.#locked !== null;
	}

	get preview() {
		return this.#preview;
	}
	get busy() {
		return this.#work.busy;
	}
	get resolutions(): ReadonlyMap<string, Resolution> {
		return this.#resolutions;
	}
	get settled(): number {
		return this.#resolutions.size;
	}
	get ready(): boolean {
		return this.#preview !== null && this.settled === this.#preview.conflicts.length;
	}
	/** Whether importing would write anything at all. */
	get changesAnything(): boolean {
		const c = this.#preview?.counts;
		if (!c) return false;
		const samesWithWrites = Object.values(this.#preview!.plans).some((p) =>
			p.decisions.some((d) => d.kind === 'same' && d.write !== null)
		);
		return c.added + c.updated + c.deleted + c.restored + c.conflicts > 0 || samesWithWrites;
	}

	/**
	 * Reads a chosen file; a problem is returned and nothing is kept, except a package that needs
	 * its passphrase (`encrypted`): it waits for `unlock`.
	 */
	async read(file: File): Promise<ReadProblem | null> {
		this.cancel();
		// The file itself, read as a stream; one over the limit is refused before it is read.
		return this.#open(file, file.size);
	}

	/** Tries the passphrase on the waiting package. */
	async unlock(passphrase: string): Promise<ReadProblem | null> {
		const locked = this.#locked;
		if (!locked) return null;
		return this.#open(locked.file, locked.size, passphrase);
	}

	async #open(file: Blob, size: number, passphrase?: string): Promise<ReadProblem | null> {
		const r = await this.#work.during(() => readTeamPackage(file, size, { passphrase }));
		const waiting =
			!r.ok && (r.problem.kind === 'encrypted' || r.problem.kind === 'wrong-passphrase');
		this.#locked = waiting ? { file, size } : null;
		if (!r.ok) return r.problem;
		this.#preview = r.preview;
		return null;
	}

	choose(key: string, choice: Resolution): void {
		const next = new Map(this.#resolutions);
		next.set(key, choice);
		this.#resolutions = next;
		const conflicts = this.#preview?.conflicts ?? [];
		const open = conflicts.findIndex((c) => !next.has(c.key));
		this.current = open === -1 ? conflicts.length - 1 : open;
	}

	/** Settles every conflict not settled yet the same way (mine or theirs). */
	chooseRest(choice: 'mine' | 'theirs'): void {
		const next = new Map(this.#resolutions);
		for (const c of this.#preview?.conflicts ?? []) if (!next.has(c.key)) next.set(c.key, choice);
		this.#resolutions = next;
	}

	async apply(copySuffix: string): Promise<ImportLogEntry> {
		if (!this.#preview) throw new Error('no package is open');
		const preview = this.#preview;
		const { entry } = await this.#work.during(() =>
			applyPackageImport(preview, this.#resolutions, copySuffix)
		);
		this.cancel();
		return entry;
	}

	cancel(): void {
		this.#locked = null;
		this.#preview = null;
		this.#resolutions = new Map();
		this.current = 0;
	}
}
