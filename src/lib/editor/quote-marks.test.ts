import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { typedQuoteDecorations } from './quote-marks';

const schema = getSchema([StarterKit]);
const quote = (...texts: string[]) =>
	schema.nodeFromJSON({
		type: 'doc',
		content: [
			{ type: 'paragraph', content: [{ type: 'text', text: '"not in a quote"' }] },
			{
				type: 'blockquote',
				content: texts.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] }))
			}
		]
	});

describe('quotation marks in a verbatim quote', () => {
	it('are drawn by the block only where none were typed', () => {
		const doc = quote('De flytter os hele tiden', '„Vi bor her“', '"Here"', '»Her«');
		const marked = typedQuoteDecorations(doc).find();
		const texts = marked.map((d) => doc.nodeAt(d.from)!.textContent);
		expect(texts).toEqual(['„Vi bor her“', '"Here"', '»Her«']);
	});
});
