import { applyConsent } from '$lib/domain/notes/consent';
import {
	ParticipantContent,
	suggestCode,
	type Consent
} from '$lib/domain/participants/participant';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods';
import { change, commit } from '$lib/db/commit';
import { notesRepo, type Note } from '$lib/db/notes.repo';
import { participantsRepo, type Participant } from '$lib/db/participants.repo';

export class DuplicateCodeError extends Error {
	override readonly name = 'DuplicateCodeError';
	constructor(readonly code: string) {
		super(`The code ${code} is already in use`);
	}
}

export async function nextCode(neighbourhood: NeighbourhoodKey | null): Promise<string> {
	const all = await participantsRepo.list();
	return suggestCode(
		neighbourhood,
		all.map((p) => p.code)
	);
}

async function assertFreeCode(code: string, exceptId?: string): Promise<void> {
	const taken = (await participantsRepo.list()).some(
		(p) => p.id !== exceptId && p.code.toLowerCase() === code.toLowerCase()
	);
	if (taken) throw new DuplicateCodeError(code);
}

export async function addParticipant(input: {
	code: string;
	neighbourhood: NeighbourhoodKey | null;
	consent: Consent;
}): Promise<Participant> {
	const content = ParticipantContent.parse(input);
	await assertFreeCode(content.code);
	return participantsRepo.create(content);
}

async function notesAbout(participantId: string): Promise<Note[]> {
	return (await notesRepo.list()).filter((n) => n.participantIds.includes(participantId));
}

/**
 * Changes a participant's code, neighbourhood or consent. When consent narrows, their existing
 * notes lose the location they may no longer carry, in the same transaction.
 */
export async function updateParticipant(
	id: string,
	input: { code: string; neighbourhood: NeighbourhoodKey | null; consent: Consent }
): Promise<{ notesChanged: number }> {
	const before = await participantsRepo.require(id);
	const content = ParticipantContent.parse({ ...input, withdrawnAt: before.withdrawnAt });
	await assertFreeCode(content.code, id);
	const updated = participantsRepo.touch(before, content);
	const everyone = new Map((await participantsRepo.list()).map((p) => [p.id, p]));
	everyone.set(id, updated);
	const changedNotes: Note[] = [];
	for (const note of await notesAbout(id)) {
		const people = note.participantIds
			.map((pid) => everyone.get(pid))
			.filter((p) => p !== undefined);
		const allowed = applyConsent(note, people);
		if (allowed.location !== note.location || allowed.neighbourhood !== note.neighbourhood)
			changedNotes.push(notesRepo.touch(allowed));
	}
	await commit([change(participantsRepo, [updated]), change(notesRepo, changedNotes)]);
	return { notesChanged: changedNotes.length };
}

/** Withdrawal: out of every aggregate from now on, and never added to a new note. */
export async function withdrawParticipant(id: string): Promise<void> {
	await participantsRepo.update(id, { withdrawnAt: Date.now() });
}

/** Moves every note about the participant to the trash; returns their ids for Undo. */
export async function trashRecordsOf(participantId: string): Promise<string[]> {
	const notes = await notesAbout(participantId);
	const now = Date.now();
	await commit([
		change(
			notesRepo,
			notes.map((n) => notesRepo.trash(n, now))
		)
	]);
	return notes.map((n) => n.id);
}

export async function restoreNotes(ids: string[]): Promise<void> {
	const notes = (await notesRepo.getMany(ids)).filter((n) => n !== undefined);
	const now = Date.now();
	await commit([
		change(
			notesRepo,
			notes.map((n) => notesRepo.touch(n, { deletedAt: null }, now))
		)
	]);
}
