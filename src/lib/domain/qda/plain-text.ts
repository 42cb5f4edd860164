import type { DocNode } from '../notes/doc';
import { hasNonXmlChars, xmlChars } from './xml';

/**
 * A note as the plain text of a REFI-QDA TextSource, with the places of its verbatim quotes.
 *
 * Positions are counted in Unicode code points over exactly this text: no byte-order mark, LF
 * line ends only. Programs that count UTF-16 units (an emoji is two) or read a BOM or CRLF as
 * characters put every later selection off by as many (QualCoder PR #1312 and #1482); text
 * written this way gives them nothing to disagree about but the unit, which the standard fixes.
 */
export interface QdaText {
	text: string;
	/** Verbatim-quote blocks: code-point ranges, end exclusive, over the quoted words only. */
	quotes: CodePointRange[];
}

export interface CodePointRange {
	start: number;
	end: number;
}

/** The marks a quote block gets in the plain text: the ones the editor shows around it. */
export const QUOTE_OPEN = '“';
export const QUOTE_CLOSE = '”';

/** Length in code points (the text holds no lone surrogates: `cleanText` drops them). */
export function cpLength(text: string): number {
	let n = text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff) n--;
	}
	return n;
}

/** The code points from `start` to `end` (exclusive), as a selection's positions mean them. */
export function cpSlice(text: string, start: number, end: number): string {
	return Array.from(text).slice(start, end).join('');
}

/** LF line ends, no byte-order marks, nothing XML 1.0 forbids. */
export function cleanText(text: string): string {
	// Most text has none of these: looking is much cheaper than replacing (20,000 notes).
	if (!hasNonXmlChars(text) && !/[\r\uFEFF]/.test(text)) return text;
	return xmlChars(text.replace(/\r\n?/g, '\n').replace(/\uFEFF/g, ''));
}

/** A piece of text with quote ranges relative to its own start. */
interface Seg {
	text: string;
	quotes: CodePointRange[];
}

const EMPTY: Seg = { text: '', quotes: [] };

function join(segs: Seg[], sep: string): Seg {
	const parts: string[] = [];
	const quotes: CodePointRange[] = [];
	let at = 0;
	for (const s of segs) {
		if (!s.text) continue;
		if (parts.length) {
			parts.push(sep);
			at += cpLength(sep);
		}
		parts.push(s.text);
		for (const q of s.quotes) quotes.push({ start: q.start + at, end: q.end + at });
		at += cpLength(s.text);
	}
	return { text: parts.join(''), quotes };
}

function prefixed(prefix: string, seg: Seg): Seg {
	if (!seg.text) return EMPTY;
	const shift = cpLength(prefix);
	return {
		text: prefix + seg.text,
		quotes: seg.quotes.map((q) => ({ start: q.start + shift, end: q.end + shift }))
	};
}

const INLINE = new Set(['text', 'hardBreak', 'mention']);

function inline(nodes: readonly DocNode[]): string {
	let out = '';
	for (const n of nodes) {
		if (n.type === 'text') out += cleanText(n.text ?? '');
		else if (n.type === 'hardBreak') out += '\n';
		else if (n.type === 'mention') {
			const char = n.attrs?.mentionSuggestionChar === '#' ? '#' : '@';
			out += char + cleanText(String(n.attrs?.label ?? n.attrs?.id ?? ''));
		} else out += inline(n.content ?? []);
	}
	return out;
}

function block(node: DocNode): Seg {
	const content = node.content ?? [];
	switch (node.type) {
		case 'blockquote': {
			const inner = join(content.map(block), '\n');
			if (!inner.text) return EMPTY;
			const start = cpLength(QUOTE_OPEN);
			return {
				text: QUOTE_OPEN + inner.text + QUOTE_CLOSE,
				quotes: [
					{ start, end: start + cpLength(inner.text) },
					...inner.quotes.map((q) => ({ start: q.start + start, end: q.end + start }))
				]
			};
		}
		case 'bulletList':
		case 'orderedList':
			return join(
				content.map((item, i) =>
					prefixed(
						node.type === 'bulletList' ? '- ' : `${i + 1}. `,
						join((item.content ?? []).map(block), '\n')
					)
				),
				'\n'
			);
		case 'horizontalRule':
			return EMPTY;
		default:
			// Paragraphs, headings, code blocks, and anything unknown: its text, or its blocks.
			if (content.length && !content.some((c) => INLINE.has(c.type)))
				return join(content.map(block), '\n\n');
			return { text: inline(content), quotes: [] };
	}
}

/** The note's document as plain text: blocks apart by a blank line, quotes in “ ” marks. */
export function docToQdaText(doc: DocNode): QdaText {
	const { text, quotes } = join((doc.content ?? []).map(block), '\n\n');
	return { text, quotes };
}
