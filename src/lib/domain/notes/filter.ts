import { copenhagenDayKey } from '../format/datetime';
import type { NeighbourhoodKey } from '../neighbourhoods/keys';
import type { Genre, NoteContent } from './note';

export interface NoteFilter {
	neighbourhood?: NeighbourhoodKey;
	participantId?: string;
	/** A code and, for a top-level code, its children: a note matches when it has any of them. */
	codeIds?: ReadonlySet<string>;
	genre?: Genre;
	/** Inclusive range of observed-at times (epoch ms). */
	from?: number;
	to?: number;
	hasLocation?: boolean;
}

type Filterable = Pick<
	NoteContent,
	'neighbourhood' | 'participantIds' | 'codeIds' | 'genre' | 'observedAt' | 'location'
>;

export function matchesFilter(note: Filterable, f: NoteFilter): boolean {
	if (f.neighbourhood && note.neighbourhood !== f.neighbourhood) return false;
	if (f.participantId && !note.participantIds.includes(f.participantId)) return false;
	if (f.codeIds && f.codeIds.size > 0 && !note.codeIds.some((c) => f.codeIds!.has(c))) return false;
	if (f.genre && note.genre !== f.genre) return false;
	if (f.from !== undefined && note.observedAt < f.from) return false;
	if (f.to !== undefined && note.observedAt > f.to) return false;
	if (f.hasLocation !== undefined && (note.location !== null) !== f.hasLocation) return false;
	return true;
}

export function isEmptyFilter(f: NoteFilter): boolean {
	return Object.values(f).every((v) => v === undefined || (v instanceof Set && v.size === 0));
}

export type ListRow<N> = { kind: 'day'; day: string; count: number } | { kind: 'note'; note: N };

/** Newest first, with a heading row before each Copenhagen calendar day. */
export function rowsByDay<N extends { observedAt: number; id: string }>(
	notes: readonly N[]
): ListRow<N>[] {
	const sorted = [...notes].sort((a, b) => b.observedAt - a.observedAt || (a.id < b.id ? 1 : -1));
	const rows: ListRow<N>[] = [];
	let current = { kind: 'day' as const, day: '', count: 0 };
	for (const note of sorted) {
		const day = copenhagenDayKey(note.observedAt);
		if (current.day !== day) {
			current = { kind: 'day', day, count: 0 };
			rows.push(current);
		}
		current.count++;
		rows.push({ kind: 'note', note });
	}
	return rows;
}
