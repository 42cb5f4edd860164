import { m } from '$lib/paraglide/messages.js';
import type { AppLocale } from '$lib/domain/format/datetime';
import type { MarkdownLabels } from '$lib/domain/notes/export';
import type { Lookups } from '$lib/features/app/lookups.svelte';
import { neighbourhoodName } from '$lib/i18n/neighbourhood-names';
import { genreName } from '$lib/i18n/note-labels';
import type { ExportLookups } from '$lib/features/notes/notes-export.service';

/** What an export needs to turn ids into names, in the user's language. */
export function exportLabels(lookups: Lookups, lang: AppLocale): ExportLookups {
	const markdown: MarkdownLabels = {
		title: (day) => m.mdTitle({ day }),
		observed: m.mdObserved(),
		author: m.mdAuthor(),
		genre: m.noteGenre(),
		neighbourhood: m.noteNeighbourhood(),
		participants: m.noteParticipants(),
		place: m.notePlaceLabel(),
		codes: m.noteCodes(),
		location: m.noteLocation(),
		sensitive: m.noteSensitive(),
		yes: m.yes(),
		cell: (cell, resolution) => m.mdCell({ cell, resolution })
	};
	return {
		lang,
		markdown,
		author: (id) => lookups.authorName(id),
		participant: (id) => lookups.participantCode(id),
		code: (id) => lookups.codeName(id),
		neighbourhood: neighbourhoodName,
		genre: genreName
	};
}
