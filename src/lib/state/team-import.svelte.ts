import type { Resolution } from '$lib/domain/exchange/resolve';
import { MAX_PACKAGE_BYTES, type PackageProblem } from '$lib/domain/exchange/package';
import { applyTeamImport } from '$lib/services/team-apply.service';
import type { ImportLogEntry } from '$lib/services/team-import-log';
import { readTeamPackage, type ImportPreview } from '$lib/services/team-import.service';

/**
 * One import from a team package: read and checked, conflicts settled one by one, then written
 * in one go. Until `apply`, nothing is stored; `cancel` leaves the workspace as it was.
 */
export class TeamImport {
	#preview = $state.raw<ImportPreview | null>(null);
	#resolutions = $state.raw(new Map<string, Resolution>());
	#busy = $state(false);
	current = $state(0);

	get preview() {
		return this.#preview;
	}
	get busy() {
		return this.#busy;
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

	/** Reads a chosen file; a problem is returned and nothing is kept. */
	async read(file: File): Promise<PackageProblem | null> {
		this.cancel();
		this.#busy = true;
		try {
			// Size first, so a huge file is refused before it is read into memory.
			const text = file.size > MAX_PACKAGE_BYTES ? '' : await file.text();
			const r = await readTeamPackage(text, file.size);
			if (!r.ok) return r.problem;
			this.#preview = r.preview;
			return null;
		} finally {
			this.#busy = false;
		}
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
		this.#busy = true;
		try {
			const { entry } = await applyTeamImport(this.#preview, this.#resolutions, copySuffix);
			this.cancel();
			return entry;
		} finally {
			this.#busy = false;
		}
	}

	cancel(): void {
		this.#preview = null;
		this.#resolutions = new Map();
		this.current = 0;
	}
}
