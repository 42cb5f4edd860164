import { z } from 'zod';
import { NeighbourhoodKey } from '../neighbourhoods/keys';
import { IsoDate } from '../places/place';
import { Id, Timestamp } from '../records/record';
import { FreeText, OFFSET_MAX_MS } from './named-place';

/*
 * An interview about everyday life (issue 17): whom, by whom, when and where, that consent was
 * checked when it was opened, the prompts used, and the notes and verbatim quotes. The places
 * named in it are named-place records pointing here (`interviewId`).
 */

export const PROMPT_MAX = 300;
export const INTERVIEW_NOTES_MAX = 20_000;
export const QUOTE_MAX = 2_000;

/** A verbatim quote, where it is in the recording, and the named place it is about, if one. */
export const Quote = z.object({
	text: FreeText(QUOTE_MAX).pipe(z.string().min(1, 'a quote cannot be empty')),
	offsetMs: z.number().int().min(0).max(OFFSET_MAX_MS).nullable().default(null),
	namedPlaceId: Id.nullable().default(null)
});
export type Quote = z.infer<typeof Quote>;

export const InterviewContent = z.object({
	participantId: Id,
	/** The team member who held the interview (an ethnographer record). */
	interviewerId: Id,
	date: IsoDate,
	/** When the interview was opened: every answer's offset is counted from here. */
	startedAt: Timestamp,
	neighbourhood: NeighbourhoodKey.nullable().default(null),
	/** When the participant's consent was checked on opening; null until it was. */
	consentCheckedAt: Timestamp.nullable().default(null),
	/** The prompts used, as asked (in the language of the interview). */
	prompts: z
		.array(FreeText(PROMPT_MAX).pipe(z.string().min(1)))
		.max(100)
		.default([]),
	notes: FreeText(INTERVIEW_NOTES_MAX).default(''),
	quotes: z.array(Quote).max(500).default([])
});
export type InterviewContent = z.infer<typeof InterviewContent>;
