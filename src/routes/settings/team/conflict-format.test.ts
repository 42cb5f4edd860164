import { describe, expect, it } from 'vitest';
import type { ExchangeRecord } from '$lib/domain/exchange/merge';
import { textToDoc } from '$lib/domain/notes/doc';
import { changedFields, textChanges } from './conflict-format';

const note = (text: string, genre = 'jotting') =>
	({
		id: 'n1',
		observedAt: 1,
		text,
		doc: textToDoc(text),
		genre,
		rev: 2
	}) as unknown as ExchangeRecord;

describe('the fields a conflict shows', () => {
	it('a note whose text changed shows it once, as the text (not its doc beside it)', () => {
		expect(changedFields(note('sagde A'), note('sagde B'))).toEqual(['text']);
		expect(changedFields(note('sagde A'), note('sagde B', 'interview'))).toEqual(['text', 'genre']);
	});

	it("compares the changed texts word by word, but not a place's category, which is a key", () => {
		const mine = note('sagde A på trappen');
		const theirs = note('sagde B på trappen', 'interview');
		const texts = textChanges('notes', changedFields(mine, theirs), mine, theirs);
		expect([...texts.keys()]).toEqual(['text', 'genre']);
		expect(
			texts
				.get('text')!
				.mine.map((p) => p.text)
				.join('')
		).toBe('sagde A på trappen');

		const place = (name: string, category: string) =>
			({ id: 'p1', name, category, rev: 1 }) as unknown as ExchangeRecord;
		const a = place('Trappen', 'stairwell');
		const b = place('Trapperne', 'street');
		expect([...textChanges('places', changedFields(a, b), a, b).keys()]).toEqual(['name']);
	});
});
