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

export const Consent = z.object({
	location: LocationConsent.default('cell'),
	followAlong: z.boolean().default(true),
	aggregate: z.boolean().default(true)
});
export type Consent = z.infer<typeof Consent>;

export const ParticipantContent = z.object({
	code: ParticipantCode,
	neighbourhood: NeighbourhoodKey.nullable().default(null),
	consent: Consent.default({ location: 'cell', followAlong: true, aggregate: true }),
	/** When set, the participant has withdrawn: out of every aggregate, never added to new notes. */
	withdrawnAt: Timestamp.nullable().default(null)
});
export type ParticipantContent = z.infer<typeof ParticipantContent>;

/** The next free code in a neighbourhood's series: VB-001, VB-002, … (NV-, SH-; P- without one). */
export function suggestCode(
	neighbourhood: NeighbourhoodKey | null,
	taken: Iterable<string>
): string {
	const prefix = neighbourhood ? NEIGHBOURHOOD_PREFIX[neighbourhood] : 'P';
	const used = new Set<number>();
	const pattern = new RegExp(`^${prefix}-(\\d+)$`, 'i');
	for (const code of taken) {
		const match = pattern.exec(code);
		if (match) used.add(Number(match[1]));
	}
	let n = 1;
	while (used.has(n)) n++;
	return `${prefix}-${String(n).padStart(3, '0')}`;
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
