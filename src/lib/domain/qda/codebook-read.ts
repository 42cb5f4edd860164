import { DOMParser, type Element } from '@xmldom/xmldom';
import { decodeXmlBytes } from '../tracks/xml-text';

/**
 * Reading a REFI-QDA Codebook Exchange file (.qdc, namespace urn:QDA-XML:codebook:1.0): the
 * codes with their nesting and descriptions. Nothing else of the file is kept (code colours and
 * code groups have no place in the codebook here). A file that is not one is refused whole.
 */

export interface QdcCode {
	name: string;
	description: string;
	children: QdcCode[];
}

export type QdcProblem =
	| 'too-large'
	| 'not-xml'
	| 'dtd'
	| 'project-file'
	| 'not-codebook'
	| 'no-codes'
	| 'unnamed-code'
	| 'invalid-code';

export class QdcError extends Error {
	override readonly name = 'QdcError';
	constructor(
		readonly problem: QdcProblem,
		/** The code's name, for problems with one code. */
		readonly code?: string
	) {
		super(`Not a usable REFI-QDA codebook: ${problem}${code ? ` (${code})` : ''}`);
	}
}

/** A codebook of a few hundred codes is tens of kilobytes. */
export const QDC_MAX_BYTES = 5 * 1024 * 1024;
/** More codes than any codebook has; a deeper nesting than any program writes. */
const MAX_CODES = 5_000;
const MAX_DEPTH = 50;

const CODEBOOK_NS = /^urn:QDA-XML:codebook:/;
const PROJECT_NS = /^urn:QDA-XML:project:/;

function children(el: Element, localName: string): Element[] {
	const out: Element[] = [];
	for (let n = el.firstChild; n; n = n.nextSibling)
		if (n.nodeType === n.ELEMENT_NODE) {
			const child = n as Element;
			if (child.localName === localName && child.namespaceURI === el.namespaceURI) out.push(child);
		}
	return out;
}

function parse(text: string) {
	try {
		return new DOMParser({
			onError: (level) => {
				// Warnings (an unknown entity, say) are not errors in XML; anything more is.
				if (level !== 'warning') throw new QdcError('not-xml');
			}
		}).parseFromString(text, 'text/xml');
	} catch {
		throw new QdcError('not-xml');
	}
}

/** The codes of a .qdc file, as bytes (any encoding its declaration names) or text. */
export function readQdc(input: Uint8Array | string): QdcCode[] {
	const size = typeof input === 'string' ? input.length : input.byteLength;
	if (size > QDC_MAX_BYTES) throw new QdcError('too-large');
	const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeXmlBytes(input);
	// No document type declarations: their entities are how XML files attack parsers (billion
	// laughs, external entities), and no codebook needs one.
	if (/<!DOCTYPE/i.test(text)) throw new QdcError('dtd');
	const doc = parse(text);
	if (doc.doctype) throw new QdcError('dtd');
	const root = doc.documentElement;
	if (!root) throw new QdcError('not-xml');
	const ns = root.namespaceURI ?? '';
	if (root.localName === 'Project' && PROJECT_NS.test(ns)) throw new QdcError('project-file');
	if (root.localName !== 'CodeBook' || !CODEBOOK_NS.test(ns)) throw new QdcError('not-codebook');

	let count = 0;
	const code = (el: Element, depth: number): QdcCode => {
		if (++count > MAX_CODES || depth > MAX_DEPTH) throw new QdcError('too-large');
		const name = (el.getAttribute('name') ?? '').trim();
		if (!name) throw new QdcError('unnamed-code');
		const description = children(el, 'Description')
			.map((d) => d.textContent ?? '')
			.join('\n')
			.trim();
		return { name, description, children: children(el, 'Code').map((c) => code(c, depth + 1)) };
	};
	const codes = children(root, 'Codes').flatMap((list) =>
		children(list, 'Code').map((c) => code(c, 0))
	);
	if (!codes.length) throw new QdcError('no-codes');
	return codes;
}
