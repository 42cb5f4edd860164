import type { ParticipantContent } from '$lib/domain/participants/participant';

/**
 * What a participant's consent allows on a follow-along day:
 * - `gps`: the route may be recorded (or imported from a GPS logger);
 * - `manual`: the day may be followed, but positions only as stops the researcher places and a
 *   route they sketch, never a recording;
 * - `withdrawn`: nothing new about them is recorded at all.
 * A day without a participant (the researcher's own walk) may be recorded.
 */
export type DayConsent = 'gps' | 'manual' | 'withdrawn';

export function dayConsent(
	participant: Pick<ParticipantContent, 'consent' | 'withdrawnAt'> | null | undefined
): DayConsent {
	if (!participant) return 'gps';
	if (participant.withdrawnAt !== null) return 'withdrawn';
	return participant.consent.followAlong ? 'gps' : 'manual';
}
