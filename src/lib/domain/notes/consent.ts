import type { ParticipantContent } from '../participants/participant';
import { allowedLocation, isWithdrawn } from '../participants/participant';
import type { NoteContent } from './note';

export type ConsentProblem =
	| { kind: 'withdrawn'; code: string }
	| { kind: 'location-not-allowed'; allowed: 'none' | 'neighbourhood' };

/**
 * Checks a note against the consent of the participants it is about. The strictest consent
 * decides: "none" allows neither a cell nor a neighbourhood, "neighbourhood" no cell.
 */
export function consentProblems(
	note: Pick<NoteContent, 'location' | 'neighbourhood'>,
	participants: readonly Pick<ParticipantContent, 'code' | 'consent' | 'withdrawnAt'>[],
	opts: { existingParticipantCodes?: ReadonlySet<string> } = {}
): ConsentProblem[] {
	const problems: ConsentProblem[] = [];
	for (const p of participants)
		if (isWithdrawn(p) && !opts.existingParticipantCodes?.has(p.code))
			problems.push({ kind: 'withdrawn', code: p.code });
	const allowed = allowedLocation(participants);
	if (allowed === 'none' && (note.location || note.neighbourhood))
		problems.push({ kind: 'location-not-allowed', allowed });
	if (allowed === 'neighbourhood' && note.location)
		problems.push({ kind: 'location-not-allowed', allowed });
	return problems;
}

/** The note with whatever location its participants do not allow taken away. */
export function applyConsent<T extends Pick<NoteContent, 'location' | 'neighbourhood'>>(
	note: T,
	participants: readonly Pick<ParticipantContent, 'consent'>[]
): T {
	const allowed = allowedLocation(participants);
	if (allowed === 'none') return { ...note, location: null, neighbourhood: null };
	if (allowed === 'neighbourhood') return { ...note, location: null };
	return note;
}
