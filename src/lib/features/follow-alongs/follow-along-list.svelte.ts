import {
	filterFollowAlongs,
	NO_FILTER,
	type FilterableDay,
	type FollowAlongFilter
} from '$lib/domain/follow-alongs/list-filter';
import { followAlongsRepo, stopsRepo, type FollowAlong } from '$lib/db/follow-alongs.repo';
import {
	allStopRows,
	followAlongNoteRows,
	followAlongRows,
	newestFirst
} from '$lib/db/follow-alongs.queries';
import { notesRepo } from '$lib/db/notes.repo';
import { Live } from '$lib/features/app/live.svelte';
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

/** Counts of live records per follow-along (opened: the link in the clear is keyed). */
function countBy(records: { followAlongId: string | null }[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const { followAlongId: id } of records)
		if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
	return counts;
}

/**
 * Every follow-along day of the workspace with its counts of stops and notes, narrowed and
 * ordered by `filter`. The stops are opened (their names are sealed) so a search finds a day by
 * the places it went to: the participant's own names and the linked glossary places' names.
 */
export class FollowAlongList {
	#days = new Live(
		followAlongRows,
		async (rows) => newestFirst(await followAlongsRepo.live(rows)),
		[] as FollowAlong[]
	);
	#stops = new Live(
		allStopRows,
		async (rows): Promise<StopFacts[]> =>
			(await stopsRepo.live(rows)).map((s) => ({
				followAlongId: s.followAlongId,
				ownName: s.ownName,
				placeId: s.placeId
			})),
		[] as StopFacts[]
	);
	#notes = new Live(
		followAlongNoteRows,
		async (rows) => countBy(await notesRepo.live(rows)),
		new Map<string, number>()
	);
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
