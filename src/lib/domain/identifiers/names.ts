import { fold } from '$lib/domain/text/fold';
import { hit, type IdentifierHit } from './hits';

/**
 * The project's list of names that must never appear: whole words, matched without regard to
 * case or diacritics ("Søren" finds "SOREN" and "Sören"), spaces and hyphens between parts
 * interchangeable ("Anne Marie" finds "Anne-Marie"). A Danish genitive -s ("Sørens") is part of
 * the hit, since leaving it out would leak the name; "Ole" does not match inside "Olesen".
 * A name of two or more parts is also found abbreviated the way notes shorten it: the last
 * name as an initial ("Søren K.", "Mette H") or the first ("S. Kristensen"), the initial in
 * capitals, so "Søren kom" and "Søren Kierkegaard" are not taken for "Søren Kristensen".
 */
export interface FoldedText {
	folded: string;
	/** offsets[i] is the index in the original of folded character i; one extra entry at the end. */
	offsets: Uint32Array;
}

const FOLDED = new Map<string, string>();

/**
 * Folds text, remembering where each folded character came from. Runs of ASCII are lowered as
 * a whole and other characters folded once each and remembered: this runs over every note
 * before every export, so it is kept to a few typed-array writes per character.
 */
export function foldWithOffsets(text: string): FoldedText {
	const parts: string[] = [];
	let offsets = new Uint32Array(text.length + 1);
	let n = 0;
	const room = (extra: number) => {
		if (n + extra < offsets.length) return;
		const grown = new Uint32Array(Math.max(offsets.length * 2, n + extra + 1));
		grown.set(offsets);
		offsets = grown;
	};
	let run = 0; // where the current ASCII run began
	const flush = (to: number) => {
		if (to === run) return;
		parts.push(text.slice(run, to).toLowerCase());
		room(to - run);
		for (let k = run; k < to; k++) offsets[n++] = k;
	};
	for (let i = 0; i < text.length;) {
		const code = text.charCodeAt(i);
		if (code < 128) {
			i++;
			continue;
		}
		flush(i);
		const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
		const ch = text.slice(i, i + width);
		let f = FOLDED.get(ch);
		if (f === undefined) FOLDED.set(ch, (f = fold(ch)));
		parts.push(f);
		room(f.length);
		for (let k = 0; k < f.length; k++) offsets[n++] = i;
		i += width;
		run = i;
	}
	flush(text.length);
	room(1);
	offsets[n] = text.length;
	return { folded: parts.join(''), offsets: offsets.subarray(0, n + 1) };
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SPACE = '[\\s\\u00a0-]+';

/** Each listed name as its parts (at least two letters in all), not folded yet. */
function nameParts(names: readonly string[]): string[][] {
	return names
		.map((n) =>
			n
				.normalize('NFC')
				.trim()
				.split(/[\s\u00a0-]+/u)
				.filter(Boolean)
		)
		.filter((parts) => fold(parts.join('')).length >= 2);
}

const folded = (parts: string[]) => parts.map((p) => escape(fold(p)));

/** "søren k", "s. kristensen": the abbreviations of a name of two or more parts. */
function abbreviations(parts: string[]): string[] {
	if (parts.length < 2) return [];
	// The initial of "Ærø" is "Æ", which folds to "ae".
	const initial = (p: string) => escape(fold(String.fromCodePoint(p.codePointAt(0)!)));
	const front = folded(parts.slice(0, -1)).join(SPACE);
	const rest = folded(parts.slice(1)).join(SPACE);
	return [
		`${front}[\\s\\u00a0]+${initial(parts.at(-1)!)}(?![\\p{L}\\p{N}_])`,
		`${initial(parts[0]!)}(?:\\.[\\s\\u00a0]?|[\\s\\u00a0]+)${rest}(?:['’]?s)?(?![\\p{L}\\p{N}_])`
	];
}

interface Compiled {
	/** Sticky: a listed name at lastIndex; group 1 is set when it is abbreviated. */
	name: RegExp | null;
	/** The first word of each listed name and of its abbreviations, folded. */
	firsts: Set<string>;
}

let cache: { key: string; compiled: Compiled } = {
	key: '',
	compiled: { name: null, firsts: new Set() }
};

const alternatives = (patterns: string[]) =>
	[...new Set(patterns)].sort((a, b) => b.length - a.length).join('|');
const FIRST_WORD = /^[\p{L}\p{N}_]+/u;

/** One regex for the whole list, longest names first so "Anne Marie" wins over "Anne". */
export function compileNames(names: readonly string[]): Compiled {
	const key = names.join('\u0000');
	if (cache.key === key) return cache.compiled;
	const parts = nameParts(names);
	const full = parts.map((p) => folded(p).join(SPACE));
	const short = parts.flatMap(abbreviations);
	const firsts = new Set<string>();
	for (const p of parts) {
		// "(X)" begins with its bracket: that is the token the text is scanned for.
		firsts.add(FIRST_WORD.exec(fold(p[0]!))?.[0] ?? String.fromCodePoint(p[0]!.codePointAt(0)!));
		if (p.length > 1) firsts.add(fold(String.fromCodePoint(p[0]!.codePointAt(0)!)));
	}
	const name = full.length
		? new RegExp(
				`(?<![\\p{L}\\p{N}_])(?:(?:${alternatives(full)})(?:['’]?s)?(?![\\p{L}\\p{N}_])` +
					(short.length ? `|(${alternatives(short)}))` : ')'),
				'uy'
			)
		: null;
	cache = { key, compiled: { name, firsts } };
	return cache.compiled;
}

/** In an abbreviation every one-letter part is a capital: "Søren K", not "Søren k". */
function initialsAreCapitals(text: string): boolean {
	return text
		.split(/[\s\u00a0.-]+/u)
		.every((part) => [...part].length !== 1 || /\p{Lu}/u.test(part));
}

/** Words, and every other character that is not a space (a name may begin with a bracket). */
const TOKEN = /[\p{L}\p{N}_]+|[^\p{L}\p{N}_\s]/gu;

/**
 * The list is tried only where a word starts that can begin a listed name ("søren", "oles", an
 * initial): one pass over the words instead of every name at every position.
 */
export function findNames(text: string, names: readonly string[]): IdentifierHit[] {
	const { name, firsts } = compileNames(names);
	if (!name) return [];
	const { folded, offsets } = foldWithOffsets(text);
	const hits: IdentifierHit[] = [];
	let after = 0; // a name is not looked for inside the previous one
	for (const w of folded.matchAll(TOKEN)) {
		if (w.index < after) continue;
		const word = w[0];
		if (!firsts.has(word) && !(word.endsWith('s') && firsts.has(word.slice(0, -1)))) continue;
		name.lastIndex = w.index;
		const m = name.exec(folded);
		if (!m) continue;
		const start = offsets[m.index]!;
		let end = offsets[m.index + m[0].length]!;
		// A combining accent after the last letter belongs to the name it sits on.
		while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
		if (m[1] !== undefined && !initialsAreCapitals(text.slice(start, end))) continue;
		hits.push(hit('name', text, start, end));
		after = m.index + m[0].length;
	}
	return hits;
}
