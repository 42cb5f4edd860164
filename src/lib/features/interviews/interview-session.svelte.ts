import { interviewsRepo, type Interview, type NamedPlace } from '$lib/db/named-places.repo';
import type { Activity } from '$lib/domain/named-places/named-place';
import type { Quote } from '$lib/domain/named-places/interview';
import { live } from '$lib/features/app/live.svelte';
import {
	answerPlace,
	nameInInterview,
	placesOfInterview,
	removePlace,
	restorePlace,
	saveInterview,
	type NamedAt,
	type PlaceAnswers
} from './interview.service';

/** Notes are written this long after the last keystroke: often enough to lose nothing. */
export const AUTOSAVE_MS = 400;

/**
 * One interview on the screen: the record and its places kept live, the place being answered,
 * the current prompt, and the notes autosaved after a pause (one save at a time).
 */
export class InterviewSession {
	readonly #interview;
	readonly #places;
	selectedId = $state<string | null>(null);
	prompt = $state(0);
	notes = $state('');
	#saving = $state(false);
	#timer: ReturnType<typeof setTimeout> | null = null;
	#notesLoaded = false;

	constructor(readonly id: string) {
		this.#interview = live(
			async () => (await interviewsRepo.get(id)) ?? null,
			null as Interview | null
		);
		this.#places = live(() => placesOfInterview(id), [] as NamedPlace[]);
		// The notes field starts from what was saved, once: later saves must not undo typing.
		$effect(() => {
			const i = this.#interview.value;
			if (i && !this.#notesLoaded) {
				this.#notesLoaded = true;
				this.notes = i.notes;
			}
		});
	}

	get interview(): Interview | null {
		return this.#interview.value;
	}

	get loaded(): boolean {
		return this.#interview.loaded;
	}

	get places(): NamedPlace[] {
		return this.#places.value;
	}

	get selected(): NamedPlace | null {
		return this.places.find((p) => p.id === this.selectedId) ?? null;
	}

	get saving(): boolean {
		return this.#saving;
	}

	async add(at: NamedAt, activity: Activity): Promise<NamedPlace> {
		const i = this.#interview.value;
		if (!i) throw new Error('the interview is not loaded');
		const place = await nameInInterview(i, at, activity);
		this.selectedId = place.id;
		return place;
	}

	answer(answers: PlaceAnswers): Promise<NamedPlace> | undefined {
		if (this.selectedId) return answerPlace(this.selectedId, answers);
	}

	async remove(id: string): Promise<string> {
		await removePlace(id);
		if (this.selectedId === id) this.selectedId = null;
		return id;
	}

	async undoRemove(id: string): Promise<void> {
		await restorePlace(id);
	}

	setPrompts(prompts: string[]): Promise<Interview> {
		this.prompt = 0;
		return saveInterview(this.id, { prompts });
	}

	addQuote(quote: Pick<Quote, 'text' | 'namedPlaceId'>): Promise<Interview> {
		const i = this.#interview.value!;
		const offsetMs = Math.max(0, Date.now() - i.startedAt);
		return saveInterview(this.id, { quotes: [...i.quotes, { ...quote, offsetMs }] });
	}

	/** Marks the notes changed; they are written AUTOSAVE_MS after the last change. */
	editNotes(text: string): void {
		this.notes = text;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
	}

	async flush(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.#saving = true;
		try {
			await saveInterview(this.id, { notes: this.notes });
		} finally {
			this.#saving = false;
		}
	}
}
