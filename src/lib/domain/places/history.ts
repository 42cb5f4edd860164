import { z } from 'zod';
import { deepEqual } from '../exchange/equal';
import { Id, Timestamp } from '../records/record';
import { PLACE_FIELDS, PlaceContent, type PlaceField } from './place';

/** One field of a place changed from one value to another. */
export type FieldChange = {
	[F in PlaceField]: { field: F; from: PlaceContent[F]; to: PlaceContent[F] };
}[PlaceField];

const FieldName = z.enum(PLACE_FIELDS as [PlaceField, ...PlaceField[]]);

/** Both values are checked against the field's own schema, so a revert can only write valid data. */
export const FieldChangeSchema = z
	.object({ field: FieldName, from: z.unknown(), to: z.unknown() })
	.superRefine((c, ctx) => {
		const schema = PlaceContent.shape[c.field];
		for (const side of ['from', 'to'] as const) {
			const r = schema.safeParse(c[side]);
			if (!r.success)
				ctx.addIssue({ code: 'custom', path: [side], message: r.error.issues[0]!.message });
		}
	}) as unknown as z.ZodType<FieldChange>;

/** Who changed which fields of a place, and when. One per save; kept for the place's history. */
export const PlaceRevision = z.object({
	placeId: Id,
	/** The time on the device that made the change: shown, never used to order merges. */
	at: Timestamp,
	authorId: z.string().min(1).max(64),
	changes: z.array(FieldChangeSchema).min(1).max(PLACE_FIELDS.length)
});
export type PlaceRevision = z.infer<typeof PlaceRevision>;

/** The fields that differ, in the order of the schema. Values are copied so history cannot change later. */
export function diffPlace(before: PlaceContent, after: PlaceContent): FieldChange[] {
	const changes: FieldChange[] = [];
	for (const field of PLACE_FIELDS) {
		if (deepEqual(before[field], after[field])) continue;
		changes.push({
			field,
			from: structuredClone(before[field]),
			to: structuredClone(after[field])
		} as FieldChange);
	}
	return changes;
}

/** The revision for a save, or null when nothing changed (a save without edits leaves no trace). */
export function revisionFor(
	placeId: string,
	before: PlaceContent,
	after: PlaceContent,
	authorId: string,
	at: number
): PlaceRevision | null {
	const changes = diffPlace(before, after);
	return changes.length ? { placeId, at, authorId, changes } : null;
}

/**
 * The place as it was before the revision, for the fields that revision changed; later changes
 * to other fields stay. Reverting is itself a change, saved (and kept in history) like any other.
 */
export function revert(current: PlaceContent, revision: PlaceRevision): PlaceContent {
	const next = { ...current } as Record<PlaceField, unknown>;
	for (const change of revision.changes) next[change.field] = structuredClone(change.from);
	const place = next as PlaceContent;
	// Reverting only the kind, or only the flag, could leave the two disagreeing.
	if (!place.institution) place.institutionKind = null;
	else if (place.institutionKind === null) place.institutionKind = 'other';
	if (place.validFrom !== null && place.validTo !== null && place.validFrom > place.validTo)
		place.validTo = null;
	return PlaceContent.parse(place);
}

/** Fields the revision changed that have changed again since: a revert would overwrite those edits. */
export function changedSince(current: PlaceContent, revision: PlaceRevision): PlaceField[] {
	return revision.changes.filter((c) => !deepEqual(current[c.field], c.to)).map((c) => c.field);
}
