import { describe, expect, it } from 'vitest';
import { labelGroups, type LabelledNote } from './labels';
import { testPlace } from '$lib/testing/place';

let n = 0;
const note = (
	placeLabel: string,
	placeIds: string[] = [],
	nb: LabelledNote['neighbourhood'] = null
) => ({
	id: `N${++n}`,
	placeLabel,
	placeIds,
	neighbourhood: nb
});

describe('free-text place labels', () => {
	const trappen = testPlace({ name: 'Trappen', aliases: ['Bagtrappen'] });

	it('groups labels by folded form, largest first, with the commonest spelling and neighbourhood', () => {
		const groups = labelGroups(
			[
				note('Kødbyen', [], 'vesterbro'),
				note('kodbyen ', [], 'vesterbro'),
				note('Kødbyen', [], null),
				note('Lygten', [], 'nordvest'),
				note('   ')
			],
			[]
		);
		expect(groups.map((g) => [g.label, g.noteIds.length, g.neighbourhood])).toEqual([
			['Kødbyen', 3, 'vesterbro'],
			['Lygten', 1, 'nordvest']
		]);
	});

	it('between spellings written as often, takes the same one whatever order the notes come in', () => {
		const spellings = ['lygten', 'Lygten'];
		for (const order of [spellings, [...spellings].reverse()])
			expect(
				labelGroups(
					order.map((l) => note(l)),
					[]
				)[0]!.label
			).toBe('Lygten');
	});

	it('suggests the place whose name or alias is the label', () => {
		const [g] = labelGroups([note('bagtrappen')], [trappen]);
		expect(g!.match).toBe(trappen.id);
	});

	it('leaves out notes already linked to a place that carries the label', () => {
		const groups = labelGroups(
			[note('Bagtrappen', [trappen.id]), note('Bagtrappen'), note('Lygten', [trappen.id])],
			[trappen]
		);
		expect(groups.map((g) => [g.label, g.noteIds.length])).toEqual([
			['Bagtrappen', 1],
			['Lygten', 1]
		]);
	});

	it('never suggests a deleted or merged place', () => {
		const merged = testPlace({ name: 'Lygten', mergedInto: trappen.id });
		const deleted = testPlace({ name: 'Kanten' }, { deletedAt: 5 });
		const groups = labelGroups([note('Lygten'), note('Kanten')], [merged, deleted]);
		expect(groups.every((g) => g.match === null)).toBe(true);
	});
});
