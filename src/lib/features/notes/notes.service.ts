import { docToText, mentionedIds } from '$lib/domain/notes/doc';
import { consentProblems, type ConsentProblem } from '$lib/domain/notes/consent';
import { notePlaceIds } from '$lib/domain/places/links';
import type { NoteInput } from '$lib/domain/notes/note';
import { notesRepo, type Note } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';

export class ConsentError extends Error {
	override readonly name = 'ConsentError';
	constructor(readonly problems: ConsentProblem[]) {
		super(problems.map((p) => p.kind).join(', '));
	}
}

/** The note's participants: those chosen, plus those mentioned with @ in the text. */
function participantIdsOf(content: NoteInput): string[] {
	return [...new Set([...(content.participantIds ?? []), ...mentionedIds(content.doc)])];
}

/**
 * Saves a note (creating it on its first save). Its plain text is derived from the document,
 * and the participants' consent is checked: a withdrawn participant cannot be added, and a
 * location their consent does not allow is refused.
 */
export async function saveNote(id: string | null, content: NoteInput): Promise<Note> {
	const participantIds = participantIdsOf(content);
	const participants = (await participantsRepo.getMany(participantIds)).filter(
		(p) => p !== undefined
	);
	const existing = id ? await notesRepo.get(id) : undefined;
	const already = new Set(
		participants.filter((p) => existing?.participantIds.includes(p.id)).map((p) => p.code)
	);
	// Places follow the note's # mentions; links made outside the text stay.
	const placeIds = notePlaceIds(content.doc, existing, content.placeIds);
	const next = { ...content, participantIds, placeIds, text: docToText(content.doc) };
	const problems = consentProblems(
		{ location: next.location ?? null, neighbourhood: next.neighbourhood ?? null },
		participants,
		{ existingParticipantCodes: already }
	);
	if (problems.length) throw new ConsentError(problems);
	if (!existing) return notesRepo.create(next, id ? { id } : {});
	return notesRepo.update(existing.id, next);
}

export async function deleteNote(id: string): Promise<void> {
	await notesRepo.remove(id);
}

export async function restoreNote(id: string): Promise<void> {
	await notesRepo.restore(id);
}

export function getNote(id: string): Promise<Note | undefined> {
	return notesRepo.get(id);
}
