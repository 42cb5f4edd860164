import { mentionedIds, type DocNode } from '../notes/doc';

/**
 * The place ids a note links to after an edit. `#` mentions follow the text: a mention removed
 * from the text removes its link. Links made outside the text (a free-text label turned into a
 * glossary place) stay until the caller passes an explicit list.
 */
export function notePlaceIds(
	doc: DocNode,
	previous: { doc: DocNode; placeIds: readonly string[] } | undefined,
	explicit?: readonly string[]
): string[] {
	const mentioned = mentionedIds(doc, '#');
	let linked: readonly string[] = explicit ?? [];
	if (explicit === undefined && previous) {
		const wasMentioned = new Set(mentionedIds(previous.doc, '#'));
		linked = previous.placeIds.filter((id) => !wasMentioned.has(id));
	}
	return [...new Set([...linked, ...mentioned])];
}

/**
 * The document with its `#` mentions of merged places pointed at the place they became part of.
 * The label stays as written: it is the name the writer used, now an alias of the kept place.
 * Returns the same object when nothing changed, so callers can skip unchanged notes.
 */
export function redirectPlaceMentions(
	doc: DocNode,
	redirects: ReadonlyMap<string, string>
): DocNode {
	const walk = (node: DocNode): DocNode => {
		let next = node;
		if (
			node.type === 'mention' &&
			node.attrs?.mentionSuggestionChar === '#' &&
			typeof node.attrs.id === 'string' &&
			redirects.has(node.attrs.id)
		)
			next = { ...node, attrs: { ...node.attrs, id: redirects.get(node.attrs.id) } };
		if (!node.content) return next;
		const content = node.content.map(walk);
		return content.some((c, i) => c !== node.content![i]) ? { ...next, content } : next;
	};
	return walk(doc);
}

export interface StopVisit {
	followAlongId: string;
	arrivedAt: number;
	departedAt: number | null;
}

export interface TimeSpent {
	/** Milliseconds at the place over every finished visit. */
	totalMs: number;
	visits: number;
	/** Visits still going on (a stop marked without a departure yet): counted, not timed. */
	ongoing: number;
	/** Per follow-along, most time first. */
	byFollowAlong: { followAlongId: string; ms: number; visits: number }[];
}

/** Time spent at a place, summed over the stops that link to it, per follow-along and in all. */
export function timeSpent(stops: readonly StopVisit[]): TimeSpent {
	const per = new Map<string, { ms: number; visits: number }>();
	let totalMs = 0;
	let ongoing = 0;
	for (const s of stops) {
		const entry = per.get(s.followAlongId) ?? { ms: 0, visits: 0 };
		entry.visits++;
		if (s.departedAt === null) ongoing++;
		else {
			// A departure before the arrival (a clock corrected mid-day) counts as no time, not negative.
			const ms = Math.max(0, s.departedAt - s.arrivedAt);
			entry.ms += ms;
			totalMs += ms;
		}
		per.set(s.followAlongId, entry);
	}
	const byFollowAlong = [...per.entries()]
		.map(([followAlongId, e]) => ({ followAlongId, ...e }))
		.sort((a, b) => b.ms - a.ms || b.visits - a.visits);
	return { totalMs, visits: stops.length, ongoing, byFollowAlong };
}
