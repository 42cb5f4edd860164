import { NoteContent } from '$lib/domain/notes/note';
import { db } from './workspace';
import { defineRepository, type EntityOf } from './repository';

/** Notes: only the follow-along is indexed (keyed); times and places are sealed. */
export const notesRepo = defineRepository({
	table: 'notes',
	content: NoteContent,
	version: 1,
	index: (c) => ({ followAlongId: c.followAlongId ?? undefined })
});

export type Note = EntityOf<typeof NoteContent>;

/** Live notes, newest observed first: every note is opened (when and whether trashed are sealed). */
export async function liveNotes(): Promise<Note[]> {
	const notes = await notesRepo.live(await db().notes.toArray());
	return notes.sort((a, b) => b.observedAt - a.observedAt);
}
