import { m } from '$lib/paraglide/messages.js';
import type { Genre } from '$lib/domain/notes/note';

export function genreName(g: Genre): string {
	switch (g) {
		case 'jotting':
			return m.genreJotting();
		case 'description':
			return m.genreDescription();
		case 'quote':
			return m.genreQuote();
		case 'memo':
			return m.genreMemo();
		case 'reflexive':
			return m.genreReflexive();
	}
}
