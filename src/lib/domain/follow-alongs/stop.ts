import { z } from 'zod';
import { PlaceCategory } from '$lib/domain/places/place';
import { Id, Timestamp } from '$lib/domain/records/record';

export const STOP_ACTIVITIES = [
	'hang-out',
	'wait',
	'buy',
	'use',
	'sleep',
	'earn',
	'get-help',
	'other'
] as const;
export const StopActivity = z.enum(STOP_ACTIVITIES);

export const STOP_FEELINGS = ['safe', 'tense', 'avoided'] as const;
export const StopFeeling = z.enum(STOP_FEELINGS);

export const ENCOUNTERS = ['none', 'police', 'security', 'both'] as const;
export const Encounter = z.enum(ENCOUNTERS);

export const TYPICALITY = ['usual', 'sometimes', 'first-time'] as const;

/** A stop of a follow-along: where the day paused, for how long, and what it meant there. */
export const StopContent = z.object({
	followAlongId: Id,
	arrivedAt: Timestamp,
	/** Null while the participant is still there (a stop marked during the day). */
	departedAt: Timestamp.nullable().default(null),
	lat: z.number().min(-90).max(90),
	lon: z.number().min(-180).max(180),
	/**
	 * Marked during the day, proposed by stop detection, drawn on a sketch, or a waypoint of an
	 * imported GPX file (marked on the logger).
	 */
	source: z.enum(['marked', 'detected', 'sketched', 'waypoint']),
	status: z.enum(['proposed', 'confirmed']).default('confirmed'),
	placeId: Id.nullable().default(null),
	/** The participant's own name for the place. */
	ownName: z.string().trim().max(200).default(''),
	category: PlaceCategory.nullable().default(null),
	institution: z.boolean().default(false),
	activities: z.array(StopActivity).max(STOP_ACTIVITIES.length).default([]),
	/** Who was present, described by role, not by name. */
	present: z.string().max(500).default(''),
	feeling: StopFeeling.nullable().default(null),
	encounter: Encounter.nullable().default(null),
	typical: z.enum(TYPICALITY).nullable().default(null),
	fixCount: z.number().int().nonnegative().default(0)
});
export type StopContent = z.infer<typeof StopContent>;
export type StopInput = z.input<typeof StopContent>;
