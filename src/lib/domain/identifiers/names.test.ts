import { describe, expect, it } from 'vitest';
import { findNames, foldWithOffsets } from './names';

describe('names that must never appear', () => {
	it('maps folded positions back to the original text', () => {
		const text = 'Ærø og Søren';
		const { folded, offsets } = foldWithOffsets(text);
		expect(folded).toBe('aero og soren');
		expect(text.slice(offsets[8]!, offsets[13]!)).toBe('Søren');
	});

	it('returns offsets in the original text, even after letters that fold to two', () => {
		const text = 'Æblet, Åse og ÆØÅ-Søren';
		const hits = findNames(text, ['søren', 'åse']);
		expect(hits.map((h) => h.text)).toEqual(['Åse', 'Søren']);
		for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.text);
	});

	it('covers a combining accent after the name (decomposed input)', () => {
		const text = 'Jose\u0301 kom';
		expect(findNames(text, ['José'])).toEqual([
			{ kind: 'name', start: 0, end: 5, text: 'Jose\u0301' }
		]);
	});

	it('finds every occurrence, whole words only', () => {
		const text = 'Ole, ole! OLE og Olesen og Bole';
		expect(findNames(text, ['Ole']).map((h) => h.start)).toEqual([0, 5, 10]);
	});

	it('prefers the longer listed name', () => {
		expect(findNames('Anne Marie', ['Anne', 'Anne Marie']).map((h) => h.text)).toEqual([
			'Anne Marie'
		]);
	});

	it('takes names with regex characters literally and ignores blanks', () => {
		expect(findNames('Mr. X var der', ['(X)'])).toHaveLength(0);
		expect(findNames('Mr. (X) var der', ['(X)'])).toHaveLength(1);
		expect(findNames('a b c', ['', ' ', 'b'])).toEqual([]); // too short to be a name
		expect(findNames('J.C. kom', ['J.C'])).toHaveLength(1);
		expect(findNames('any text', [])).toEqual([]);
	});
});

describe('listed names, abbreviated', () => {
	const list = ['Søren Kristensen', 'Ærø Holm'];
	const found = (text: string) => findNames(text, list).map((h) => h.text);

	it('finds the last name as an initial and the first name as one, in capitals', () => {
		expect(found('Søren K. kom forbi')).toEqual(['Søren K']);
		expect(found('SØREN K sagde')).toEqual(['SØREN K']);
		expect(found('S. Kristensen og S Kristensens hund')).toEqual([
			'S. Kristensen',
			'S Kristensens'
		]);
		expect(found('Æ. Holm var der')).toEqual(['Æ. Holm']);
	});

	it('does not take a lower-case word or a longer name for an initial', () => {
		expect(found('Søren kom forbi')).toEqual([]);
		expect(found('Søren k. kom')).toEqual([]);
		expect(found('Søren Kierkegaard')).toEqual([]);
		expect(found('hans kristensen')).toEqual([]);
	});
});
