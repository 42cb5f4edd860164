import { codeLabel } from '$lib/domain/codebook/code';
import { matchesFilter, rowsByDay, type NoteFilter } from '$lib/domain/notes/filter';
import { NoteSearch, type SearchDoc } from '$lib/domain/notes/search';
import type { Row } from '$lib/db/db';
import { notesRepo, type Note } from '$lib/db/notes.repo';
import { rowVersion } from '$lib/db/repository';
import { allNoteRows } from '$lib/db/notes.queries';
import { watchRows } from '$lib/db/live-query';
import type { Lookups } from '$lib/features/app/lookups.svelte';
import { workspace } from '$lib/features/app/workspace.svelte';

/**
 * All notes of the workspace for the list, the search and the map. Changes are applied
 * incrementally: only rows written since they were last read (`rowVersion`) are opened and
 * re-indexed. There is no first page read on its own: which notes are newest, and which are in
 * the trash, is sealed, so every row is opened once anyway.
 */
export class NotesList {
	#byId = $state.raw(new Map<string, Note>());
	#complete = $state(false);
	#search = new NoteSearch();
	#searchRevision = $state(0);
	#versions = new Map<string, string>();
	#loadStart = 0;
	query = $state('');
	filter = $state<NoteFilter>({});

	readonly lookups: Lookups;

	constructor(lookups: Lookups) {
		this.lookups = lookups;
		$effect(() => {
			// Locked: the notes and their index are let go with the screen.
			this.#reset();
			if (!workspace.ready) return;
			void workspace.revision;
			this.#loadStart = performance.now();
			let cancelled = false;
			// One result at a time, in order: an older result decoded after a newer one would put
			// back notes trashed (or a withdrawn participant's) in between.
			let applying = Promise.resolve();
			const sub = watchRows(allNoteRows, {
				next: (rows) => {
					applying = applying.then(() => (cancelled ? undefined : this.#apply(rows)));
				}
			});
			return () => {
				cancelled = true;
				sub.unsubscribe();
			};
		});
	}

	#reset() {
		this.#byId = new Map();
		this.#complete = false;
		this.#versions.clear();
		this.#search = new NoteSearch();
	}

	async #apply(rows: Row[]): Promise<void> {
		const changed = rows.filter((r) => this.#versions.get(r.id) !== rowVersion(r));
		const decoded = await notesRepo.fromRows(changed);
		const next = new Map(this.#byId);
		const ids = new Set(rows.map((r) => r.id));
		for (const id of [...this.#versions.keys()])
			if (!ids.has(id)) {
				next.delete(id);
				this.#versions.delete(id);
				this.#search.remove(id);
			}
		decoded.forEach((note, i) => {
			this.#versions.set(note.id, rowVersion(changed[i]!));
			if (note.deletedAt === null) {
				next.set(note.id, note);
				this.#search.upsert(this.#searchDoc(note));
			} else if (next.delete(note.id)) this.#search.remove(note.id);
		});
		this.#byId = next;
		// For the benchmark of reading the notes: from opening the list to all notes indexed.
		if (!this.#complete) performance.measure('stedsans:notes:load', { start: this.#loadStart });
		this.#complete = true;
		this.#searchRevision++;
	}

	#searchDoc(n: Note): SearchDoc {
		return {
			id: n.id,
			text: n.text,
			placeLabel: n.placeLabel,
			participants: n.participantIds
				.map((id) => this.lookups.participantById.get(id)?.code ?? '')
				.join(' '),
			codes: n.codeIds
				.map((id) => this.lookups.codeById.get(id))
				.map((c) => (c ? `${codeLabel(c, 'en')} ${codeLabel(c, 'da')}` : ''))
				.join(' ')
		};
	}

	get complete(): boolean {
		return this.#complete;
	}
	get all(): Note[] {
		return [...this.#byId.values()];
	}
	get count(): number {
		return this.#byId.size;
	}
	get(id: string): Note | undefined {
		return this.#byId.get(id);
	}

	/** The notes the search and filters leave, newest first. */
	readonly shown: Note[] = $derived.by(() => {
		void this.#searchRevision;
		const q = this.query.trim();
		const base = q
			? this.#search
					.search(q)
					.map((id) => this.#byId.get(id))
					.filter((n) => n !== undefined)
			: this.all;
		return base.filter((n) => matchesFilter(n, this.filter));
	});

	readonly rows = $derived(rowsByDay(this.shown));
}
