import { codeLabel } from '$lib/domain/codebook/code';
import { matchesFilter, rowsByDay, type NoteFilter } from '$lib/domain/notes/filter';
import { NoteSearch, type SearchDoc } from '$lib/domain/notes/search';
import type { Row } from '$lib/db/db';
import { liveNoteRows, notesRepo, type Note } from '$lib/db/notes.repo';
import { allNoteRows } from '$lib/db/notes.queries';
import { watchRows } from '$lib/db/live-query';
import type { Lookups } from '$lib/features/app/lookups.svelte';
import { workspace } from '$lib/features/app/workspace.svelte';

/** The first screenful is read on its own, so rows show before the whole list has loaded. */
const FIRST_PAGE = 40;

/**
 * All notes of the workspace for the list, the search and the map. Changes are applied
 * incrementally: only rows whose `updatedAt` changed are decoded and re-indexed.
 */
export class NotesList {
	#byId = $state.raw(new Map<string, Note>());
	#first = $state.raw<Note[]>([]);
	#complete = $state(false);
	#search = new NoteSearch();
	#searchRevision = $state(0);
	#versions = new Map<string, number>();
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
			void liveNoteRows(FIRST_PAGE).then(async (rows) => {
				const notes = await notesRepo.fromRows(rows);
				if (!cancelled && !this.#complete) this.#first = notes;
			});
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
		this.#first = [];
		this.#complete = false;
		this.#versions.clear();
		this.#search = new NoteSearch();
	}

	async #apply(rows: Row[]): Promise<void> {
		const live = rows.filter((r) => r.deletedAt === null);
		const changed = live.filter((r) => this.#versions.get(r.id) !== r.updatedAt);
		const decoded = await notesRepo.fromRows(changed);
		const next = new Map(this.#byId);
		const liveIds = new Set(live.map((r) => r.id));
		for (const id of [...next.keys()])
			if (!liveIds.has(id)) {
				next.delete(id);
				this.#versions.delete(id);
				this.#search.remove(id);
			}
		for (const note of decoded) {
			next.set(note.id, note);
			this.#versions.set(note.id, note.updatedAt);
			this.#search.upsert(this.#searchDoc(note));
		}
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
		return this.#complete ? [...this.#byId.values()] : this.#first;
	}
	get count(): number {
		return this.#complete ? this.#byId.size : this.#first.length;
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
