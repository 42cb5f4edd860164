/**
 * Writing XML by hand, correctly: every value is escaped, and characters XML 1.0 does not allow
 * (most C0 controls, lone surrogates, U+FFFE and U+FFFF; XML 1.0 §2.2 "Char") are dropped, since
 * no escape makes them legal and one of them makes the whole file unreadable to a parser.
 */

// XML 1.0 §2.2: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Whether the text holds a character XML 1.0 forbids (looking is cheaper than replacing). */
export function hasNonXmlChars(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0x20 && c < 0xd800) continue;
		if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
		if (c >= 0xd800 && c <= 0xdbff) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				i++;
				continue;
			}
			return true;
		}
		if (c < 0x20 || c <= 0xdfff || c === 0xfffe || c === 0xffff) return true;
	}
	return false;
}

/** The text without the characters XML 1.0 forbids. */
export function xmlChars(text: string): string {
	return hasNonXmlChars(text) ? text.replace(NOT_XML_CHAR, '') : text;
}

const TEXT_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'\r': '&#13;'
};
// In attributes a parser turns tabs and line breaks into spaces (XML 1.0 §3.3.3) unless escaped.
const ATTR_ESCAPES: Record<string, string> = {
	...TEXT_ESCAPES,
	'"': '&quot;',
	'\t': '&#9;',
	'\n': '&#10;'
};

export function escapeText(text: string): string {
	const clean = xmlChars(text);
	return /[&<>\r]/.test(clean) ? clean.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!) : clean;
}

export function escapeAttr(text: string): string {
	const clean = xmlChars(text);
	return /[&<>"\t\n\r]/.test(clean)
		? clean.replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c]!)
		: clean;
}

/** Attributes in the order given; `undefined` and `null` ones are left out. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

function attrs(a: Attrs | undefined): string {
	if (!a) return '';
	let out = '';
	for (const name in a) {
		const value = a[name];
		if (value === undefined || value === null) continue;
		// Numbers and booleans need no escaping; GUIDs and dates are plain ASCII but cheap to check.
		out += ` ${name}="${typeof value === 'string' ? escapeAttr(value) : String(value)}"`;
	}
	return out;
}

const INDENT = Array.from({ length: 12 }, (_, i) => '\t'.repeat(i));

/**
 * A streaming writer that indents with tabs. Parts are collected in an array and joined once:
 * a project of 20,000 notes is a few hundred thousand parts.
 */
export class XmlWriter {
	#out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
	#open: string[] = [];

	#indent(): string {
		return INDENT[this.#open.length] ?? '\t'.repeat(this.#open.length);
	}

	start(name: string, a?: Attrs): this {
		this.#out.push(`${this.#indent()}<${name}${attrs(a)}>\n`);
		this.#open.push(name);
		return this;
	}

	end(): this {
		const name = this.#open.pop();
		if (name === undefined) throw new Error('XmlWriter: end() without start()');
		this.#out.push(`${this.#indent()}</${name}>\n`);
		return this;
	}

	empty(name: string, a?: Attrs): this {
		this.#out.push(`${this.#indent()}<${name}${attrs(a)}/>\n`);
		return this;
	}

	/** An element holding only text. */
	text(name: string, value: string, a?: Attrs): this {
		this.#out.push(`${this.#indent()}<${name}${attrs(a)}>${escapeText(value)}</${name}>\n`);
		return this;
	}

	toString(): string {
		if (this.#open.length) throw new Error(`XmlWriter: <${this.#open.at(-1)}> is not closed`);
		return this.#out.join('');
	}
}
