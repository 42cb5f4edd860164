import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * Strict XML 1.0 reading for imports, on saxes: a maintained, non-validating streaming parser
 * that enforces XML 1.0 well-formedness and Namespaces in XML (one root, nesting, names,
 * quoted unique attributes, only the predefined entities, legal characters, bound prefixes) and
 * reports elements and text as it goes, without building a DOM (DOMParser does not exist in Web
 * Workers, and builds a tree GPX import does not need). A DOCTYPE is refused outright: GPX needs
 * none, and entity declarations are how "billion laughs" attacks work.
 */

export class XmlSyntaxError extends Error {
	override readonly name = 'XmlSyntaxError';
	constructor(
		message: string,
		/** 1-based, as an editor shows them; 0 when not known. */
		readonly line: number,
		readonly column: number
	) {
		super(line > 0 ? `${message} (line ${line}, column ${column})` : message);
	}
}

export type XmlAttributes = Readonly<Record<string, { readonly value: string } | undefined>>;

export interface XmlHandler {
	/** Whether `text` is wanted now (read after every tag): saxes skips collecting it if not. */
	readonly wantsText: boolean;
	/** `attrs` holds the tag's attributes by qualified name, references replaced. */
	open(name: string, attrs: XmlAttributes): void;
	close(name: string): void;
	/** Character data, entity and character references already replaced. */
	text(text: string): void;
	/** The content of a CDATA section (taken literally). */
	cdata(text: string): void;
}

/** Characters written to the parser at a time; progress is reported between them. */
const CHUNK = 1 << 20;

/**
 * Reads a whole document, calling the handler for every element and piece of text, and throws
 * `XmlSyntaxError` at the first well-formedness error. Returns the root element's namespace URI
 * (null without one).
 */
export function readXml(
	text: string,
	h: XmlHandler,
	onProgress?: (done: number, total: number) => void
): string | null {
	// saxes reads a lone high surrogate together with the character after it: check first.
	if (!text.isWellFormed()) throw new XmlSyntaxError('a broken surrogate pair', 0, 0);
	const parser = new SaxesParser({ xmlns: true, position: true });
	let rootNs: string | null | undefined;
	let ending = false;
	// saxes reports errors through this handler and would go on parsing: stop at the first.
	parser.on('error', (e) => {
		throw syntaxError(text, e.message, parser, ending);
	});
	parser.on('doctype', () => {
		throw syntaxErrorAt(text, 'a DOCTYPE (not allowed)', text.indexOf('<!DOCTYPE'));
	});
	// Most text of a GPX is the white space between tags: listen only while the handler wants it.
	let listening = false;
	const onText = (t: string) => h.text(t);
	const listen = () => {
		if (h.wantsText === listening) return;
		listening = !listening;
		if (listening) parser.on('text', onText);
		else parser.off('text');
	};
	parser.on('opentag', (tag: SaxesTagNS) => {
		if (rootNs === undefined) rootNs = tag.uri || null;
		h.open(tag.name, tag.attributes);
		listen();
	});
	parser.on('closetag', (tag: SaxesTagNS) => {
		h.close(tag.name);
		listen();
	});
	parser.on('cdata', (t) => h.cdata(t));

	for (let at = 0; at < text.length; at += CHUNK) {
		if (at > 0) onProgress?.(at, text.length);
		parser.write(text.slice(at, at + CHUNK));
	}
	ending = true;
	parser.close();
	onProgress?.(text.length, text.length);
	return rootNs ?? null;
}

/**
 * The error where it is: saxes's words and place, except that saxes reads a reference up to the
 * next ";", so a bare "&" is noticed only there, or at the end of the file: it is told at its "&".
 */
function syntaxError(
	text: string,
	message: string,
	at: { line: number; column: number; position: number },
	ending: boolean
): XmlSyntaxError {
	let words = message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
	if (words.includes('entity') || ending) {
		const end = ending ? text.length : at.position - 1;
		const amp = text.indexOf('&', text.lastIndexOf(';', end - 1) + 1);
		if (amp >= 0 && amp < end) {
			if (!words.includes('entity')) words = 'a bare "&", or a reference without its ";"';
			return syntaxErrorAt(text, words, amp);
		}
	}
	// saxes's column is the 0-based column of the next character: the 1-based one of the
	// character it stopped at.
	return new XmlSyntaxError(words, at.line, Math.max(1, at.column));
}

/** An error at a character of the text, with its line and column counted from 1. */
function syntaxErrorAt(text: string, message: string, offset: number): XmlSyntaxError {
	let line = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return new XmlSyntaxError(message, line, offset - text.lastIndexOf('\n', offset - 1));
}
