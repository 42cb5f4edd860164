import { m } from '$lib/paraglide/messages.js';
import type { Genre } from '$lib/domain/notes/note';

const GENRES: Record<Genre, () => string> = {
	jotting: m.genreJotting,
	description: m.genreDescription,
	quote: m.genreQuote,
	memo: m.genreMemo,
	reflexive: m.genreReflexive
};

export function genreName(g: Genre): string {
	return GENRES[g]();
}
