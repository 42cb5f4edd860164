import { diffLines, diffWordsWithSpace } from 'diff';

/** A piece of one side of a comparison: shared by both versions, or only on this side. */
export interface DiffPart {
	text: string;
	changed: boolean;
}

/** Above this many characters (both sides), words are compared line by line instead: still whole, much quicker. */
const WORD_LIMIT = 200_000;

/**
 * Two versions of a text, each whole, with what the other lacks marked: `mine` is the first
 * text in pieces (changed = only in it), `theirs` the second. Nothing is cut, so a reader sees
 * both versions end to end. Word-level (jsdiff, Myers' O(ND) algorithm); line-level for very
 * long texts.
 */
export function compareTexts(a: string, b: string): { mine: DiffPart[]; theirs: DiffPart[] } {
	const changes = a.length + b.length > WORD_LIMIT ? diffLines(a, b) : diffWordsWithSpace(a, b);
	const mine: DiffPart[] = [];
	const theirs: DiffPart[] = [];
	for (const c of changes) {
		if (!c.added) push(mine, c.value, c.removed === true);
		if (!c.removed) push(theirs, c.value, c.added === true);
	}
	return { mine: joinMarks(mine), theirs: joinMarks(theirs) };
}

/** White space between two marked words is marked too: a changed phrase reads as one mark. */
function joinMarks(parts: DiffPart[]): DiffPart[] {
	const out: DiffPart[] = [];
	for (let i = 0; i < parts.length; i++) {
		const p = parts[i]!;
		const prev = out[out.length - 1];
		const next = parts[i + 1];
		if (!p.changed && prev?.changed && next?.changed && /^\s+$/.test(p.text)) {
			prev.text += p.text + next.text;
			i++;
		} else if (prev && prev.changed === p.changed) prev.text += p.text;
		else out.push({ ...p });
	}
	return out;
}

function push(parts: DiffPart[], text: string, changed: boolean): void {
	const last = parts[parts.length - 1];
	if (last && last.changed === changed) last.text += text;
	else parts.push({ text, changed });
}
