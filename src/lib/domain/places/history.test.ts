import { describe, expect, it } from 'vitest';
import { newId } from '../records/ids';
import { changedSince, diffPlace, PlaceRevision, revert, revisionFor } from './history';
import { descriptionFromText, PlaceContent } from './place';

const before = PlaceContent.parse({
	name: 'Trappen',
	aliases: ['Stairs'],
	category: 'hangout',
	location: { type: 'point', lon: 12.55, lat: 55.66, radius: 20 }
});
const after = PlaceContent.parse({
	...before,
	name: 'Trappen ved Enghave',
	aliases: ['Stairs', 'Trappen'],
	category: 'using',
	description: descriptionFromText('Bag kirken.')
});
const id = newId();

describe('place history', () => {
	it('lists exactly the fields that changed, from and to', () => {
		const changes = diffPlace(before, after);
		expect(changes.map((c) => c.field)).toEqual(['name', 'aliases', 'category', 'description']);
		expect(changes[0]).toEqual({ field: 'name', from: 'Trappen', to: 'Trappen ved Enghave' });
		expect(diffPlace(before, structuredClone(before))).toEqual([]);
	});

	it('sees a moved position as a change, with both positions kept', () => {
		const moved = {
			...before,
			location: { type: 'point' as const, lon: 12.551, lat: 55.66, radius: 20 }
		};
		expect(diffPlace(before, moved)).toEqual([
			{ field: 'location', from: before.location, to: moved.location }
		]);
	});

	it('keeps a revision that later edits of the place cannot change', () => {
		const working = structuredClone(after);
		const rev = revisionFor(id, before, working, 'anna', 1000)!;
		working.aliases.push('Changed later');
		expect(rev.changes[1]).toEqual({
			field: 'aliases',
			from: ['Stairs'],
			to: ['Stairs', 'Trappen']
		});
		expect(PlaceRevision.parse(rev)).toEqual(rev);
		expect(revisionFor(id, before, before, 'anna', 1000)).toBeNull();
	});

	it('rejects a revision whose values the field could never hold', () => {
		const rev = revisionFor(id, before, after, 'anna', 1000)!;
		const bad = { ...rev, changes: [{ field: 'name', from: 'x'.repeat(10_000), to: 'ok' }] };
		expect(PlaceRevision.safeParse(bad).success).toBe(false);
		const unknownField = { ...rev, changes: [{ field: 'secret', from: 1, to: 2 }] };
		expect(PlaceRevision.safeParse(unknownField).success).toBe(false);
	});

	it('reverting gives the content before the revision', () => {
		const rev = revisionFor(id, before, after, 'anna', 1000)!;
		expect(revert(after, rev)).toEqual(before);
		expect(changedSince(after, rev)).toEqual([]);
	});

	it('reverting an older revision keeps later changes to other fields and names overwritten ones', () => {
		const rev = revisionFor(id, before, after, 'anna', 1000)!;
		const later = { ...after, neighbourhood: 'vesterbro' as const, category: 'sleeping' as const };
		const reverted = revert(later, rev);
		expect(reverted.name).toBe('Trappen');
		expect(reverted.category).toBe('hangout');
		expect(reverted.neighbourhood).toBe('vesterbro');
		expect(changedSince(later, rev)).toEqual(['category']);
	});

	it('keeps the institution flag and kind consistent when only one of them is reverted', () => {
		const inst = PlaceContent.parse({ name: 'H17', institution: true, institutionKind: 'shelter' });
		const kindChanged = { ...inst, institutionKind: 'consumption-room' as const };
		const rev = revisionFor(id, inst, kindChanged, 'anna', 1)!;
		const noLonger = { ...kindChanged, institution: false, institutionKind: null };
		expect(revert(noLonger, rev)).toMatchObject({ institution: false, institutionKind: null });
	});
});
