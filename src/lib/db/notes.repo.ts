import { NoteContent } from '$lib/domain/notes/note';
import { db } from './workspace';
import { defineRepository, type EntityOf } from './repository';

/** Notes: only the observed-at time, neighbourhood key and follow-along id are indexed. */
export const notesRepo = defineRepository({
	table: 'notes',
	content: NoteContent,
	version: 1,
	index: (c) => ({
		observedAt: c.observedAt,
		nb: c.neighbourhood ?? undefined,
		followAlongId: c.followAlongId ?? undefined
	})
});

export type Note = EntityOf<typeof NoteContent>;

/** Rows of live notes, newest observed first; `limit` for the first screenful. */
export function liveNoteRows(limit?: number) {
	const query = db()
		.notes.orderBy('observedAt')
		.reverse()
		.filter((r) => r.deletedAt === null);
	return limit ? query.limit(limit).toArray() : query.toArray();
}
