import { describe, expect, it } from 'vitest';
import { creationRevision, isCreation } from './created';
import { PlaceRevision, revisionFor } from './history';
import { PlaceContent } from './place';

describe('the revision that creates a place', () => {
	const content = PlaceContent.parse({
		name: 'H17',
		aliases: ['Fixerummet'],
		institution: true,
		institutionKind: 'consumption-room'
	});

	it('lists the name and every field set away from its default, and is valid history', () => {
		const r = creationRevision('01J0000000000000000000000A', content, 'anna', 5);
		expect(r.changes.map((c) => c.field)).toEqual([
			'name',
			'aliases',
			'institution',
			'institutionKind'
		]);
		expect(PlaceRevision.safeParse(r).success).toBe(true);
		expect(isCreation(r)).toBe(true);
	});

	it('is told apart from an edit', () => {
		const edit = revisionFor('x', content, { ...content, name: 'H 17' }, 'anna', 6)!;
		expect(isCreation(edit)).toBe(false);
	});
});
