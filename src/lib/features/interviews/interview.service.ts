import { copenhagenDayKey } from '$lib/domain/format/datetime';
import { snapToCell } from '$lib/domain/geo/cells';
import type { Interview, NamedPlace } from '$lib/db/named-places.repo';
import { interviewsRepo, namedPlacesRepo } from '$lib/db/named-places.repo';
import { participantsRepo, type Participant } from '$lib/db/participants.repo';
import { getProfile, setDisplayName } from '$lib/db/ethnographers.repo';
import { getSettings } from '$lib/db/settings.repo';
import {
	OFFSET_MAX_MS,
	type Activity,
	type NamedPlaceContent
} from '$lib/domain/named-places/named-place';
import { namedCellResolution } from '$lib/domain/named-places/precision';
import type { InterviewContent } from '$lib/domain/named-places/interview';
import type { NeighbourhoodKey } from '$lib/domain/neighbourhoods/keys';

/*
 * Interview mode's writes (issue 17, item 2): an interview is opened only for a participant whose
 * consent was recorded and who has not withdrawn, and the interviewer confirms having checked it;
 * a place tapped on the map is snapped at once to the cell the participant's consent allows (the
 * position itself is never stored); each answer keeps its offset from the interview's start.
 */

export class InterviewConsentError extends Error {
	override readonly name = 'InterviewConsentError';
	constructor(readonly reason: 'withdrawn' | 'no-consent' | 'not-checked') {
		super(`the interview cannot start: ${reason}`);
	}
}

export class NoLocationConsentError extends Error {
	override readonly name = 'NoLocationConsentError';
	constructor() {
		super('this participant did not agree to places on the map: name a glossary place');
	}
}

/** Why an interview with this participant cannot start, or null if it can. */
export function interviewBlocked(
	p: Pick<Participant, 'withdrawnAt' | 'consentRecord'>
): InterviewConsentError['reason'] | null {
	if (p.withdrawnAt !== null) return 'withdrawn';
	if (p.consentRecord === null) return 'no-consent';
	return null;
}

export async function startInterview(
	input: {
		participantId: string;
		consentChecked: boolean;
		neighbourhood: NeighbourhoodKey | null;
		prompts: string[];
	},
	fallbackName: string,
	now = Date.now()
): Promise<Interview> {
	const p = await participantsRepo.require(input.participantId);
	const blocked = interviewBlocked(p);
	if (blocked) throw new InterviewConsentError(blocked);
	if (!input.consentChecked) throw new InterviewConsentError('not-checked');
	const me = (await getProfile()) ?? (await setDisplayName(fallbackName));
	return interviewsRepo.create(
		{
			participantId: p.id,
			interviewerId: me.id,
			date: copenhagenDayKey(now),
			startedAt: now,
			neighbourhood: input.neighbourhood ?? p.neighbourhood ?? null,
			consentCheckedAt: now,
			prompts: input.prompts
		},
		{ now }
	);
}

/** Where a place was named: a tap on the map (snapped here) or a glossary place. */
export type NamedAt =
	{ kind: 'position'; lat: number; lon: number } | { kind: 'place'; placeId: string };

/** Adds a place named in the interview, with its offset from the start. */
export async function nameInInterview(
	interview: Pick<Interview, 'id' | 'participantId' | 'startedAt'>,
	at: NamedAt,
	activity: Activity,
	now = Date.now()
): Promise<NamedPlace> {
	const where = await whereOf(interview.participantId, at);
	return namedPlacesRepo.create(
		{
			participantId: interview.participantId,
			source: 'interview',
			where,
			activity,
			interviewId: interview.id,
			offsetMs: offsetOf(interview.startedAt, now)
		},
		{ now }
	);
}

/** From the start; an answer added after a day (the interview reopened) has none to line up. */
function offsetOf(startedAt: number, now: number): number | null {
	const offset = Math.max(0, Math.round(now - startedAt));
	return offset <= OFFSET_MAX_MS ? offset : null;
}

async function whereOf(participantId: string, at: NamedAt): Promise<NamedPlaceContent['where']> {
	if (at.kind === 'place') return { kind: 'place', placeId: at.placeId };
	const [p, settings] = await Promise.all([participantsRepo.require(participantId), getSettings()]);
	const resolution = namedCellResolution(p.consent.location, settings.noteCellResolution);
	if (resolution === null) throw new NoLocationConsentError();
	return { kind: 'cell', cell: snapToCell(at.lat, at.lon, resolution).cell };
}

export type PlaceAnswers = Partial<
	Pick<
		NamedPlaceContent,
		'activity' | 'frequency' | 'timesOfDay' | 'withWhom' | 'feeling' | 'note' | 'period'
	>
>;

export function answerPlace(id: string, answers: PlaceAnswers): Promise<NamedPlace> {
	return namedPlacesRepo.update(id, answers);
}

/** Deletes a named place into the trash; `restorePlace` is the Undo. */
export function removePlace(id: string): Promise<void> {
	return namedPlacesRepo.remove(id);
}

export function restorePlace(id: string): Promise<NamedPlace> {
	return namedPlacesRepo.restore(id);
}

/** The interview's own text: prompts, notes and verbatim quotes (autosaved). */
export function saveInterview(
	id: string,
	change: Partial<Pick<InterviewContent, 'prompts' | 'notes' | 'quotes'>>
): Promise<Interview> {
	return interviewsRepo.update(id, change);
}

/** The places named in one interview, in the order they were named. */
export async function placesOfInterview(interviewId: string): Promise<NamedPlace[]> {
	const all = await namedPlacesRepo.list();
	return all
		.filter((p) => p.interviewId === interviewId)
		.sort((a, b) => (a.offsetMs ?? 0) - (b.offsetMs ?? 0) || a.createdAt - b.createdAt);
}

/** A participant's named places from every source (their activity space), newest first. */
export async function placesOfParticipant(participantId: string): Promise<NamedPlace[]> {
	const all = await namedPlacesRepo.list();
	return all
		.filter((p) => p.participantId === participantId)
		.sort((a, b) => b.createdAt - a.createdAt);
}
