import { z } from 'zod';

/** A rich-text document as the editor stores it (ProseMirror JSON). Text stays text: no HTML. */
export interface DocNode {
	type: string;
	attrs?: Record<string, unknown>;
	content?: DocNode[];
	text?: string;
	marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export const DocNode: z.ZodType<DocNode, DocNode> = z.lazy(() =>
	z.object({
		type: z.string().max(40),
		attrs: z.record(z.string(), z.unknown()).optional(),
		content: z.array(DocNode).optional(),
		text: z.string().optional(),
		marks: z
			.array(
				z.object({ type: z.string().max(40), attrs: z.record(z.string(), z.unknown()).optional() })
			)
			.optional()
	})
);

export const EMPTY_DOC: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

// Leaf blocks end a line; containers (quotes, lists) only hold them.
const BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/** Plain text of a document: blocks on their own lines, mentions as their label (@VB-014). */
export function docToText(doc: DocNode): string {
	const out: string[] = [];
	const walk = (node: DocNode): void => {
		if (node.type === 'text') out.push(node.text ?? '');
		else if (node.type === 'hardBreak') out.push('\n');
		else if (node.type === 'mention') out.push(mentionText(node));
		for (const child of node.content ?? []) walk(child);
		if (BLOCKS.has(node.type)) out.push('\n');
	};
	walk(doc);
	return out
		.join('')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** `@` mentions participants, `#` mentions places. */
export type MentionChar = '@' | '#';

function mentionChar(node: DocNode): MentionChar {
	return node.attrs?.mentionSuggestionChar === '#' ? '#' : '@';
}

function mentionText(node: DocNode): string {
	return mentionChar(node) + String(node.attrs?.label ?? node.attrs?.id ?? '');
}

/** The ids mentioned with a trigger character (participants with `@`, places with `#`). */
export function mentionedIds(doc: DocNode, char: MentionChar = '@'): string[] {
	const ids = new Set<string>();
	const walk = (node: DocNode): void => {
		if (node.type === 'mention' && mentionChar(node) === char && typeof node.attrs?.id === 'string')
			ids.add(node.attrs.id);
		node.content?.forEach(walk);
	};
	walk(doc);
	return [...ids];
}

/** A document holding the given plain text, one paragraph per line. */
export function textToDoc(text: string): DocNode {
	const lines = text.split('\n');
	return {
		type: 'doc',
		content: lines.map((line) =>
			line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' }
		)
	};
}
