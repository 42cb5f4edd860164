import { dayConsent } from '$lib/domain/follow-alongs/consent';
import type { FollowAlongInput } from '$lib/domain/follow-alongs/follow-along';
import { change, commit } from '$lib/db/commit';
import { chunksOf, activeFollowAlong, stopsOf } from '$lib/db/follow-alongs.queries';
import {
	fixChunksRepo,
	followAlongsRepo,
	stopsRepo,
	type FollowAlong
} from '$lib/db/follow-alongs.repo';
import { getProfile } from '$lib/db/ethnographers.repo';
import { participantsRepo } from '$lib/db/participants.repo';

/** Starting, ending and deleting follow-along days. Recording itself is in track-writer.service.ts. */

export class AlreadyFollowingError extends Error {
	override readonly name = 'AlreadyFollowingError';
	constructor(readonly activeId: string) {
		super('Another follow-along is in progress');
	}
}

export class WithdrawnParticipantError extends Error {
	override readonly name = 'WithdrawnParticipantError';
	constructor(readonly code: string) {
		super(`${code} has withdrawn`);
	}
}

/** A route may not be recorded or imported for someone who has not agreed to it. */
export class NoRecordingConsentError extends Error {
	override readonly name = 'NoRecordingConsentError';
	constructor(readonly code: string) {
		super(`${code} has not agreed to follow-alongs being recorded`);
	}
}

export type StartInput = Pick<
	FollowAlongInput,
	| 'participantId'
	| 'ethnographerIds'
	| 'neighbourhood'
	| 'kind'
	| 'modes'
	| 'routeChosenBy'
	| 'companions'
>;

/**
 * Starts the day. One follow-along at a time. The participant's consent decides how the route is
 * got: recorded by GPS, or (without consent to recording) only stops and a sketch the researcher
 * draws. A withdrawn participant cannot be followed.
 */
export async function startFollowAlong(input: StartInput, now = Date.now()): Promise<FollowAlong> {
	const active = await activeFollowAlong();
	if (active) throw new AlreadyFollowingError(active.id);
	const participant = input.participantId
		? await participantsRepo.require(input.participantId)
		: null;
	const consent = dayConsent(participant);
	if (consent === 'withdrawn') throw new WithdrawnParticipantError(participant!.code);
	return followAlongsRepo.create(
		{
			...input,
			routeSource: consent === 'gps' ? 'gps' : 'sketch',
			status: 'recording',
			startedAt: now
		},
		{ now }
	);
}

/** Throws unless the day's participant allows a recorded (or imported) route. */
export async function assertMayRecord(participantId: string | null): Promise<void> {
	if (!participantId) return;
	const participant = await participantsRepo.require(participantId);
	const consent = dayConsent(participant);
	if (consent === 'withdrawn') throw new WithdrawnParticipantError(participant.code);
	if (consent === 'manual') throw new NoRecordingConsentError(participant.code);
}

/**
 * Changes the day's details (who, where, how); not its recording. A day with a recorded route
 * cannot be handed to a participant whose consent does not allow one.
 */
export async function updateFollowAlong(
	id: string,
	patch: Partial<StartInput>
): Promise<FollowAlong> {
	const day = await followAlongsRepo.require(id);
	const next = patch.participantId;
	if (next !== undefined && next !== day.participantId && day.routeSource !== 'sketch')
		await assertMayRecord(next);
	return followAlongsRepo.update(id, patch);
}

/**
 * Moves the day to the trash with its stops and its fixes, all with the same `deletedAt`, so the
 * trash restores or purges them together (see trash.service.ts).
 */
export async function deleteFollowAlong(id: string, now = Date.now()): Promise<void> {
	const day = await followAlongsRepo.require(id);
	const [stops, chunks] = await Promise.all([stopsOf(id), chunksOf(id)]);
	const ended = { ...day, status: 'ended' as const, endedAt: day.endedAt ?? now };
	await commit([
		change(followAlongsRepo, [followAlongsRepo.trash(ended, now)]),
		change(
			stopsRepo,
			stops.map((s) => stopsRepo.trash(s, now))
		),
		change(
			fixChunksRepo,
			chunks.map((c) => fixChunksRepo.trash(c, now))
		)
	]);
}

/** This device's ethnographer, chosen by default as the one following the day. */
export async function myProfileId(): Promise<string | null> {
	return (await getProfile())?.id ?? null;
}

/** Every live follow-along (for choosing what a team package holds). */
export function allFollowAlongs(): Promise<FollowAlong[]> {
	return followAlongsRepo.list();
}
