import { z } from 'zod';
import { NEIGHBOURHOOD_PREFIX, NeighbourhoodKey } from '../neighbourhoods/keys';
import { Timestamp } from '../records/record';

/** How precisely notes about a participant may be located, from least to most. */
export const LOCATION_CONSENT = ['none', 'neighbourhood', 'cell'] as const;
export const LocationConsent = z.enum(LOCATION_CONSENT);
export type LocationConsent = z.infer<typeof LocationConsent>;

/** Pseudonymous codes only: letters, digits and dashes. There is no name field, on purpose. */
export const ParticipantCode = z
	.string()
	.trim()
	.min(2)
	.max(20)
	.regex(/^[A-Za-z0-9-]+$/, 'a code holds letters, digits and dashes only');

/**
 * What the participant has agreed to, scope by scope. Nothing is assumed: every scope is off
 * until the researcher records the consent (research ethics; GDPR Art. 9, health data).
 */
export const Consent = z.object({
	location: LocationConsent.default('none'),
	followAlong: z.boolean().default(false),
	aggregate: z.boolean().default(false)
});
export type Consent = z.infer<typeof Consent>;

export const NO_CONSENT: Consent = { location: 'none', followAlong: false, aggregate: false };

/** How consent was given. */
export const CONSENT_FORMS = ['written', 'oral', 'recorded'] as const;
export const ConsentForm = z.enum(CONSENT_FORMS);
export type ConsentForm = z.infer<typeof ConsentForm>;

/** When and how the consent was given, and on which information sheet. */
export const ConsentRecord = z.object({
	givenAt: Timestamp,
	form: ConsentForm,
	sheetVersion: z.string().trim().max(40).nullable().default(null)
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

/** One change of consent, kept so that what was agreed when can always be shown. */
export const ConsentChange = z.object({
	/** When the change was written down. */
	at: Timestamp,
	consent: Consent,
	record: ConsentRecord.nullable(),
	withdrawn: z.boolean().default(false)
});
export type ConsentChange = z.infer<typeof ConsentChange>;

export const ParticipantContent = z.object({
	code: ParticipantCode,
	neighbourhood: NeighbourhoodKey.nullable().default(null),
	consent: Consent.default(NO_CONSENT),
	/** Null for participants added before consent was recorded: Settings lists them. */
	consentRecord: ConsentRecord.nullable().default(null),
	consentHistory: z.array(ConsentChange).max(500).default([]),
	/** When set, the participant has withdrawn: out of every aggregate, never added to new notes. */
	withdrawnAt: Timestamp.nullable().default(null)
});
export type ParticipantContent = z.infer<typeof ParticipantContent>;

/**
 * The next code in a neighbourhood's series: after VB-014 comes VB-015 (NV-, SH-; P- without
 * one). The number after the highest, not the first gap: a gap is usually a code given out on
 * paper or withdrawn, and reusing it would mix two people's notes.
 */
export function suggestCode(
	neighbourhood: NeighbourhoodKey | null,
	taken: Iterable<string>
): string {
	const prefix = neighbourhood ? NEIGHBOURHOOD_PREFIX[neighbourhood] : 'P';
	const pattern = new RegExp(`^${prefix}-(\\d+)$`, 'i');
	let highest = 0;
	for (const code of taken) {
		const match = pattern.exec(code);
		if (match) highest = Math.max(highest, Number(match[1]));
	}
	return `${prefix}-${String(highest + 1).padStart(3, '0')}`;
}

/** Does this consent grant anything at all? */
export function grantsAnything(c: Consent): boolean {
	return c.location !== 'none' || c.followAlong || c.aggregate;
}

/** Which series a code belongs to, so a code typed in a mention can pick its neighbourhood. */
export function neighbourhoodOfCode(code: string): NeighbourhoodKey | null {
	const prefix = /^([A-Za-z]+)-\d+$/.exec(code.trim())?.[1]?.toUpperCase();
	const found = Object.entries(NEIGHBOURHOOD_PREFIX).find(([, p]) => p === prefix);
	return found ? (found[0] as NeighbourhoodKey) : null;
}

const RANK: Record<LocationConsent, number> = { none: 0, neighbourhood: 1, cell: 2 };

/** The most precise location a note may carry given everyone it is about (the strictest wins). */
export function allowedLocation(
	participants: readonly Pick<ParticipantContent, 'consent'>[]
): LocationConsent {
	let level: LocationConsent = 'cell';
	for (const p of participants)
		if (RANK[p.consent.location] < RANK[level]) level = p.consent.location;
	return level;
}

export function isWithdrawn(p: Pick<ParticipantContent, 'withdrawnAt'>): boolean {
	return p.withdrawnAt !== null;
}

/** May this participant's data enter aggregate maps? */
export function inAggregates(p: Pick<ParticipantContent, 'withdrawnAt' | 'consent'>): boolean {
	return !isWithdrawn(p) && p.consent.aggregate;
}
