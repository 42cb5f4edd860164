import type { Consent } from '$lib/domain/participants/participant';
import { participantsRepo, type Participant } from '$lib/db/participants.repo';

/** Small builders for the follow-along service tests. */

export const T0 = Date.UTC(2026, 2, 3, 8, 0);

export function participant(
	code: string,
	consent: Partial<Consent> = {},
	withdrawnAt: number | null = null
): Promise<Participant> {
	return participantsRepo.create({
		code,
		neighbourhood: 'vesterbro',
		consent: { location: 'cell', followAlong: true, aggregate: true, ...consent },
		withdrawnAt
	});
}

/** A walk north from Halmtorvet: one fix a second, about 1.2 m apart. */
export function walk(from: number, seconds: number, start = T0) {
	return Array.from({ length: seconds }, (_, k) => ({
		t: start + (from + k) * 1000,
		lat: 55.6703 + (from + k) * 0.0000108,
		lon: 12.5598,
		acc: 6,
		src: 'gps' as const
	}));
}
