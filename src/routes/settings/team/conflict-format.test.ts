import { describe, expect, it } from 'vitest';
import type { ExchangeRecord } from '$lib/domain/exchange/merge';
import { textToDoc } from '$lib/domain/notes/doc';
import { changedFields } from './conflict-format';

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
});
