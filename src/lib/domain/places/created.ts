import { diffPlace, type PlaceRevision } from './history';
import { PlaceContent } from './place';

/**
 * The first revision of a new place: every field set away from its default, and the name as
 * "set to itself". A name that is the same before and after never appears in an edit (edits
 * only list changed fields), so it marks the revision as the creation.
 */
export function creationRevision(
	placeId: string,
	content: PlaceContent,
	authorId: string,
	at: number
): PlaceRevision {
	const blank = PlaceContent.parse({ name: content.name });
	return {
		placeId,
		at,
		authorId,
		changes: [{ field: 'name', from: content.name, to: content.name }, ...diffPlace(blank, content)]
	};
}

/** Whether a revision records the place being created (it cannot be reverted, only deleted). */
export function isCreation(revision: Pick<PlaceRevision, 'changes'>): boolean {
	return revision.changes.some((c) => c.field === 'name' && c.from === c.to);
}
