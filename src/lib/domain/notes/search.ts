import MiniSearch from 'minisearch';
import { fold } from '../text/fold';

/** What the search index sees of a note: its text and the names of what it links to. */
export interface SearchDoc {
	id: string;
	text: string;
	placeLabel: string;
	participants: string;
	codes: string;
}

const FIELDS = ['text', 'placeLabel', 'participants', 'codes'] as const;

/**
 * Full-text search with MiniSearch. Terms are folded, so "kodbyen" finds "Kødbyen";
 * prefix matching lets results follow the typing. All terms must match.
 */
export class NoteSearch {
	#index = new MiniSearch<SearchDoc>({
		fields: [...FIELDS],
		storeFields: [],
		processTerm: (term) => fold(term),
		tokenize: (text) => text.split(/[\s\p{P}]+/u).filter(Boolean),
		searchOptions: { prefix: true, combineWith: 'AND', boost: { placeLabel: 2, participants: 2 } }
	});

	get size(): number {
		return this.#index.documentCount;
	}

	addAll(docs: readonly SearchDoc[]): void {
		this.#index.addAll(docs);
	}

	/** Adds or replaces one note. */
	upsert(doc: SearchDoc): void {
		if (this.#index.has(doc.id)) this.#index.replace(doc);
		else this.#index.add(doc);
	}

	remove(id: string): void {
		if (this.#index.has(id)) this.#index.discard(id);
	}

	/** Ids of matching notes, best first; an empty query matches nothing (the caller shows all). */
	search(query: string): string[] {
		const q = query.trim();
		if (!q) return [];
		return this.#index.search(q).map((r) => r.id as string);
	}
}
