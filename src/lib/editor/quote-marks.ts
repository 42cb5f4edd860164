import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** Quotation marks a researcher may type themselves (Danish „…“ and »…«, English “…” and "…"). */
const OPENING = /^\s*["“”„»«‘’‚']/;

/**
 * A verbatim quote shows one pair of quotation marks: the block draws its own (CSS) unless the
 * text already starts with one the researcher typed, whose paragraph is marked `typed-quotes`.
 */
export function typedQuoteDecorations(doc: PmNode): DecorationSet {
	const marks: Decoration[] = [];
	doc.descendants((node, pos, parent) => {
		if (parent?.type.name === 'blockquote' && node.type.name === 'paragraph') {
			if (OPENING.test(node.textContent))
				marks.push(Decoration.node(pos, pos + node.nodeSize, { class: 'typed-quotes' }));
			return false;
		}
		return true;
	});
	return DecorationSet.create(doc, marks);
}

export const QuoteMarks = Extension.create({
	name: 'quoteMarks',
	addProseMirrorPlugins() {
		return [new Plugin({ props: { decorations: (state) => typedQuoteDecorations(state.doc) } })];
	}
});
