import { fold } from '$lib/domain/text/fold';
import { hit, type IdentifierHit } from './hits';

/**
 * The project's list of names that must never appear: whole words, matched without regard to
 * case or diacritics ("Søren" finds "SOREN" and "Sören"), spaces and hyphens between parts
 * interchangeable ("Anne Marie" finds "Anne-Marie"). A Danish genitive -s ("Sørens") is part of
 * the hit, since leaving it out would leak the name; "Ole" does not match inside "Olesen".
 */
export interface FoldedText {
	folded: string;
	/** offsets[i] is the index in the original of folded character i; one extra entry at the end. */
	offsets: Uint32Array;
}

const ASCII_UPPER = /[A-Z]/;

/** Folds text one code point at a time, remembering where each folded character came from. */
export function foldWithOffsets(text: string): FoldedText {
	const parts: string[] = [];
	const offsets: number[] = [];
	for (let i = 0; i < text.length;) {
		const code = text.codePointAt(i)!;
		const width = code > 0xffff ? 2 : 1;
		const ch = text.slice(i, i + width);
		const f = code < 128 ? (ASCII_UPPER.test(ch) ? ch.toLowerCase() : ch) : fold(ch);
		for (let k = 0; k < f.length; k++) offsets.push(i);
		parts.push(f);
		i += width;
	}
	offsets.push(text.length);
	return { folded: parts.join(''), offsets: Uint32Array.from(offsets) };
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let cache: { key: string; re: RegExp | null } = { key: '', re: null };

/** One regex for the whole list, longest names first so "Anne Marie" wins over "Anne". */
export function compileNames(names: readonly string[]): RegExp | null {
	const key = names.join('\u0000');
	if (cache.key === key) return cache.re;
	const patterns = [
		...new Set(
			names
				.map((n) =>
					fold(n.normalize('NFC'))
						.trim()
						.split(/[\s\u00a0-]+/u)
						.filter(Boolean)
				)
				.filter((parts) => parts.join('').length >= 2)
				.map((parts) => parts.map(escape).join('[\\s\\u00a0-]+'))
		)
	].sort((a, b) => b.length - a.length);
	const re = patterns.length
		? new RegExp(
				`(?<![\\p{L}\\p{N}_])(?:${patterns.join('|')})(?:['’]?s)?(?![\\p{L}\\p{N}_])`,
				'gu'
			)
		: null;
	cache = { key, re };
	return re;
}

export function findNames(text: string, names: readonly string[]): IdentifierHit[] {
	const re = compileNames(names);
	if (!re) return [];
	const { folded, offsets } = foldWithOffsets(text);
	const hits: IdentifierHit[] = [];
	for (const m of folded.matchAll(re)) {
		const start = offsets[m.index]!;
		let end = offsets[m.index + m[0].length]!;
		// A combining accent after the last letter belongs to the name it sits on.
		while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
		hits.push(hit('name', text, start, end));
	}
	return hits;
}
