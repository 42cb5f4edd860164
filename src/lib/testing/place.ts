import { newId } from '$lib/domain/records/ids';
import { PlaceContent, type Place, type PlaceInput } from '$lib/domain/places/place';

/** A stored place for tests: valid content with defaults, and plain metadata. */
export function testPlace(content: Partial<PlaceInput> = {}, meta: Partial<Place> = {}): Place {
	return {
		...PlaceContent.parse({ name: 'Trappen', ...content }),
		id: newId(),
		createdAt: 1,
		updatedAt: 1,
		deletedAt: null,
		authorId: 'a',
		deviceId: 'd',
		rev: { d: 1 },
		...meta
	};
}
