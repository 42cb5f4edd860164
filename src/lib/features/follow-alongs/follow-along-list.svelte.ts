import {
	filterFollowAlongs,
	NO_FILTER,
	type FilterableDay,
	type FollowAlongFilter
} from '$lib/domain/follow-alongs/list-filter';
import type { Row } from '$lib/db/db';
import { followAlongsRepo, stopsRepo, type FollowAlong } from '$lib/db/follow-alongs.repo';
import {
	allStopRows,
	followAlongNoteRows,
	followAlongRowsNewestFirst
} from '$lib/db/follow-alongs.queries';
import { Live, live } from '$lib/features/app/live.svelte';
import { Glossary } from '$lib/features/places/glossary.svelte';

export interface FollowAlongListRow extends FilterableDay {
	day: FollowAlong;
	stops: number;
	notes: number;
}

interface StopFacts {
	followAlongId: string;
	ownName: string;
	placeId: string | null;
}

/** Counts of live rows per follow-along, from the index key kept in the clear on each row. */
function countBy(rows: Row[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const r of rows) {
		const id = r.followAlongId;
		if (r.deletedAt === null && typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return counts;
}

/**
 * Every follow-along day of the workspace with its counts of stops and notes, narrowed and
 * ordered by `filter`. The stops are opened (their names are sealed) so a search finds a day by
 * the places it went to: the participant's own names and the linked glossary places' names.
 */
export class FollowAlongList {
	#days = new Live(
		followAlongRowsNewestFirst,
		(rows) => followAlongsRepo.fromRows(rows.filter((r) => r.deletedAt === null)),
		[] as FollowAlong[]
	);
	#stops = new Live(
		allStopRows,
		async (rows): Promise<StopFacts[]> =>
			(await stopsRepo.fromRows(rows.filter((r) => r.deletedAt === null))).map((s) => ({
				followAlongId: s.followAlongId,
				ownName: s.ownName,
				placeId: s.placeId
			})),
		[] as StopFacts[]
	);
	#notes = live(async () => countBy(await followAlongNoteRows()), new Map<string, number>());
	#glossary = new Glossary();
	#codeOf: (participantId: string) => string;

	filter = $state<FollowAlongFilter>({ ...NO_FILTER });

	constructor(codeOf: (participantId: string) => string) {
		this.#codeOf = codeOf;
	}

	readonly #byDay = $derived.by(() => {
		const out = new Map<string, { count: number; names: string[] }>();
		for (const s of this.#stops.value) {
			const entry = out.get(s.followAlongId) ?? { count: 0, names: [] };
			entry.count++;
			if (s.ownName) entry.names.push(s.ownName);
			const place = s.placeId ? this.#glossary.resolve(s.placeId) : undefined;
			if (place) entry.names.push(place.name, ...place.aliases);
			out.set(s.followAlongId, entry);
		}
		return out;
	});

	/** Every day, unfiltered. */
	readonly all: FollowAlongListRow[] = $derived(
		this.#days.value.map((day) => ({
			day,
			startedAt: day.startedAt,
			participantId: day.participantId,
			neighbourhood: day.neighbourhood,
			routeSource: day.routeSource,
			code: day.participantId ? this.#codeOf(day.participantId) : '',
			placeNames: this.#byDay.get(day.id)?.names ?? [],
			stops: this.#byDay.get(day.id)?.count ?? 0,
			notes: this.#notes.value.get(day.id) ?? 0
		}))
	);

	/** The days the filter lets through, in its order. */
	readonly rows: FollowAlongListRow[] = $derived(filterFollowAlongs(this.all, this.filter));

	get loaded(): boolean {
		return this.#days.loaded;
	}
}
