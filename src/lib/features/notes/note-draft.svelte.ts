import { EMPTY_DOC, mentionedIds, type DocNode } from '$lib/domain/notes/doc';
import type { Genre, NoteInput } from '$lib/domain/notes/note';
import type { CellLocation } from '$lib/domain/geo/cells';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods';
import type { Note } from '$lib/db/notes.repo';
import { saveNote } from './notes.service';

export type SaveStatus = 'new' | 'pending' | 'saving' | 'saved' | 'error';

/** Autosave waits this long after the last change: well under the 500 ms the issue allows. */
export const AUTOSAVE_MS = 300;

export interface DraftFields {
	observedAt: number;
	genre: Genre;
	neighbourhood: NeighbourhoodKey | null;
	participantIds: string[];
	placeLabel: string;
	/** Glossary places linked outside the text (the Place field); `#` mentions add their own. */
	placeIds: string[];
	codeIds: string[];
	sensitive: boolean;
	location: CellLocation | null;
	doc: DocNode;
	followAlongId: string | null;
}

/** The note's place links that no `#` in its text makes (those follow the text by themselves). */
function linkedOutsideText(note: Note): string[] {
	const mentioned = new Set(mentionedIds(note.doc, '#'));
	return note.placeIds.filter((id) => !mentioned.has(id));
}

/**
 * A note being written. Every change is saved after a short pause, with no save button; a note
 * is created on its first change, so opening and leaving an empty editor stores nothing.
 */
export class NoteDraft {
	#id = $state<string | null>(null);
	#fields = $state<DraftFields>() as DraftFields;
	#status = $state<SaveStatus>('new');
	#error = $state.raw<unknown>(null);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#saving: Promise<void> = Promise.resolve();
	#dirty = false;
	onsaved: (id: string) => void = () => {};

	constructor(existing?: Note, defaults: Partial<DraftFields> = {}) {
		this.#id = existing?.id ?? null;
		this.#fields = existing
			? {
					observedAt: existing.observedAt,
					genre: existing.genre,
					neighbourhood: existing.neighbourhood,
					participantIds: existing.participantIds,
					placeLabel: existing.placeLabel,
					placeIds: linkedOutsideText(existing),
					codeIds: existing.codeIds,
					sensitive: existing.sensitive,
					location: existing.location,
					doc: existing.doc,
					followAlongId: existing.followAlongId
				}
			: {
					observedAt: Date.now(),
					genre: 'jotting',
					neighbourhood: null,
					participantIds: [],
					placeLabel: '',
					placeIds: [],
					codeIds: [],
					sensitive: false,
					location: null,
					doc: EMPTY_DOC,
					followAlongId: null,
					...defaults
				};
		if (existing) this.#status = 'saved';
	}

	get id() {
		return this.#id;
	}
	get fields(): Readonly<DraftFields> {
		return this.#fields;
	}
	get status() {
		return this.#status;
	}
	get error() {
		return this.#error;
	}

	set<K extends keyof DraftFields>(key: K, value: DraftFields[K]): void {
		this.#fields[key] = value;
		this.#changed();
	}

	patch(values: Partial<DraftFields>): void {
		Object.assign(this.#fields, values);
		this.#changed();
	}

	#changed(): void {
		this.#dirty = true;
		this.#status = 'pending';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
	}

	/** Saves now (also when the page is hidden or left). Saves never overlap; failures end in `error`. */
	flush(): Promise<void> {
		clearTimeout(this.#timer);
		this.#saving = this.#saving.then(() => this.#save());
		return this.#saving;
	}

	async #save(): Promise<void> {
		if (!this.#dirty) return;
		this.#dirty = false;
		this.#status = 'saving';
		try {
			const content: NoteInput = { ...$state.snapshot(this.#fields), text: '' };
			const saved = await saveNote(this.#id, content);
			const created = this.#id === null;
			this.#id = saved.id;
			this.#error = null;
			this.#status = this.#dirty ? 'pending' : 'saved';
			if (created) this.onsaved(saved.id);
		} catch (e) {
			// Kept dirty: the text stays in the editor and the next change or flush tries again.
			this.#dirty = true;
			this.#error = e;
			this.#status = 'error';
		}
	}

	dispose(): void {
		clearTimeout(this.#timer);
	}
}
