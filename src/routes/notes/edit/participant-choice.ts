import { m } from '$lib/paraglide/messages.js';
import { applyConsent } from '$lib/domain/notes/consent';
import { ParticipantCode } from '$lib/domain/participants/participant';
import { fold } from '$lib/domain/text/fold';
import type { Participant } from '$lib/db/participants.repo';
import { announcer } from '$lib/features/app/announcer.svelte';
import type { NoteDraft } from '$lib/features/notes/note-draft.svelte';

/** Sets the note's participants and applies their consent at once: a location they do not allow goes. */
export function chooseParticipants(
	draft: NoteDraft,
	ids: string[],
	people: readonly Pick<Participant, 'consent'>[]
): void {
	const next = applyConsent(
		{ location: draft.fields.location, neighbourhood: draft.fields.neighbourhood },
		people
	);
	if (next.location !== draft.fields.location || next.neighbourhood !== draft.fields.neighbourhood)
		announcer.confirm(m.consentLocationRemoved());
	draft.patch({ participantIds: ids, ...next });
}

/** A code typed (after @ or in the picker's search) that no participant has yet, or null. */
export function newCode(
	query: string,
	participants: readonly Pick<Participant, 'code'>[]
): string | null {
	const code = query.trim().toUpperCase();
	if (!ParticipantCode.safeParse(code).success) return null;
	return participants.some((p) => fold(p.code) === fold(code)) ? null : code;
}
