import { z } from 'zod';
import { CellId } from '../geo/cell-schema';
import { Id } from '../records/record';
import { CONTROL_CHARS_EXCEPT_LINES } from '../text/controls';

/*
 * A named place: one participant said that this place is part of their everyday life (issue 17;
 * the activity-space method of VERITAS, Chaix et al. 2012, and of Martinez, Lorvick and Kral
 * 2014, who asked where people who inject drugs slept, hung out and used). The place is a
 * glossary place or a grid cell snapped when the answer was entered: a raw position is never
 * stored, so no record can say more than the cell.
 */

/** Where the answer came from. */
export const NAMED_PLACE_SOURCES = ['interview', 'survey', 'follow-along', 'observation'] as const;
export const NamedPlaceSource = z.enum(NAMED_PLACE_SOURCES);
export type NamedPlaceSource = z.infer<typeof NamedPlaceSource>;

/** What the participant does there. */
export const ACTIVITIES = [
	'sleep',
	'hang-out',
	'buy',
	'use',
	'earn',
	'eat',
	'wash',
	'help',
	'meet',
	'avoid'
] as const;
export const Activity = z.enum(ACTIVITIES);
export type Activity = z.infer<typeof Activity>;

/**
 * Activities whose maps can guide a clearance of the spot (a police sweep of a sleeping place, a
 * raid on a buying place): a map of them needs a worded confirmation before it leaves.
 */
export const SENSITIVE_ACTIVITIES: ReadonlySet<Activity> = new Set(['sleep', 'buy', 'use']);

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'rarely'] as const;
export const Frequency = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof Frequency>;

export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening', 'night'] as const;
export const TimeOfDay = z.enum(TIMES_OF_DAY);
export type TimeOfDay = z.infer<typeof TimeOfDay>;

export const COMPANIONS = ['alone', 'partner', 'friends', 'group'] as const;
export const Companion = z.enum(COMPANIONS);
export type Companion = z.infer<typeof Companion>;

export const FEELINGS = ['safe', 'neutral', 'tense', 'unsafe'] as const;
export const Feeling = z.enum(FEELINGS);
export type Feeling = z.infer<typeof Feeling>;

/** Resolutions a named cell may have: as for every cell in the app, 7 (≈1.4 km) to 10 (≈76 m). */
export const NAMED_CELL_MIN_RESOLUTION = 7;
export const NAMED_CELL_MAX_RESOLUTION = 10;

/** An H3 index carries its resolution in its second hex digit (mode 1, then 4 bits). */
export function resolutionOfCell(cell: string): number {
	return parseInt(cell[1] ?? '', 16);
}

const NamedCell = CellId.refine((c) => {
	const r = resolutionOfCell(c);
	return r >= NAMED_CELL_MIN_RESOLUTION && r <= NAMED_CELL_MAX_RESOLUTION;
}, 'a cell of resolution 7 to 10');

/** The place: a glossary place, or the cell the answer was snapped to. Never a position. */
export const NamedPlaceWhere = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('place'), placeId: Id }),
	z.object({ kind: z.literal('cell'), cell: NamedCell })
]);
export type NamedPlaceWhere = z.infer<typeof NamedPlaceWhere>;

export const NAMED_PLACE_NOTE_MAX = 500;
export const PERIOD_MAX = 80;
/** An interview longer than a day is not one; the offset lines an answer up with the recording. */
export const OFFSET_MAX_MS = 24 * 60 * 60 * 1000;

/** Free text up to `max` characters, line breaks allowed, other control characters not. */
export const FreeText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.refine((s) => !CONTROL_CHARS_EXCEPT_LINES.test(s), 'control characters are not allowed');

export const NamedPlaceContent = z
	.object({
		participantId: Id,
		source: NamedPlaceSource,
		where: NamedPlaceWhere,
		activity: Activity,
		frequency: Frequency.nullable().default(null),
		timesOfDay: z
			.array(TimeOfDay)
			.max(TIMES_OF_DAY.length)
			.refine((t) => new Set(t).size === t.length, 'a time of day is given once')
			.default([]),
		withWhom: Companion.nullable().default(null),
		feeling: Feeling.nullable().default(null),
		/** The period the question asked about ("the last 30 days", "this winter"). */
		period: FreeText(PERIOD_MAX).nullable().default(null),
		note: FreeText(NAMED_PLACE_NOTE_MAX).default(''),
		/** The interview the place was named in, and when in it (for the audio recording). */
		interviewId: Id.nullable().default(null),
		offsetMs: z.number().int().min(0).max(OFFSET_MAX_MS).nullable().default(null)
	})
	.refine(
		(c) => c.offsetMs === null || c.interviewId !== null,
		'an offset belongs to an interview'
	);
export type NamedPlaceContent = z.infer<typeof NamedPlaceContent>;
