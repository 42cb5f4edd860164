import { describe, expect, it } from 'vitest';
import { compareTexts } from './text-diff';

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join('');
const marked = (parts: { text: string; changed: boolean }[]) =>
	parts.filter((p) => p.changed).map((p) => p.text.trim());

describe('comparing two versions of a text', () => {
	const a = 'Det begyndte at regne, og vi gik ind under halvtaget ved Mændenes Hjem.';
	const b = 'Det begyndte at sne, og vi gik ind under halvtaget ved Mændenes Hjem bagefter.';

	it('keeps both texts whole and marks only what differs', () => {
		const { mine, theirs } = compareTexts(a, b);
		expect(join(mine)).toBe(a);
		expect(join(theirs)).toBe(b);
		expect(marked(mine)).toEqual(['regne']);
		expect(marked(theirs)).toEqual(['sne', 'bagefter']);
	});

	it('marks a changed phrase as one piece, the spaces between its words too', () => {
		const { theirs } = compareTexts('vi gik hjem.', 'vi gik hen til vagten ved døren.');
		expect(marked(theirs)).toEqual(['hen til vagten ved døren']);
	});

	it('marks nothing when the texts are the same, and compares very long texts whole', () => {
		expect(marked(compareTexts(a, a).mine)).toEqual([]);
		const long = 'linje\n'.repeat(40_000);
		const { mine, theirs } = compareTexts(long, long + 'ny linje\n');
		expect(join(mine)).toBe(long);
		expect(marked(theirs)).toEqual(['ny linje']);
	});
});
