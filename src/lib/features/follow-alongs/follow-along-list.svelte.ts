import type { Row } from '$lib/db/db';
import { followAlongsRepo, type FollowAlong } from '$lib/db/follow-alongs.repo';
import {
	allStopRows,
	followAlongNoteRows,
	followAlongRowsNewestFirst
} from '$lib/db/follow-alongs.queries';
import { Live, live } from '$lib/features/app/live.svelte';

export interface FollowAlongListRow {
	day: FollowAlong;
	stops: number;
	notes: number;
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

/** Every follow-along day of the workspace, newest first, with its counts of stops and notes. */
export class FollowAlongList {
	#days = new Live(
		followAlongRowsNewestFirst,
		(rows) => followAlongsRepo.fromRows(rows.filter((r) => r.deletedAt === null)),
		[] as FollowAlong[]
	);
	#stops = live(async () => countBy(await allStopRows()), new Map<string, number>());
	#notes = live(async () => countBy(await followAlongNoteRows()), new Map<string, number>());

	readonly rows: FollowAlongListRow[] = $derived(
		this.#days.value.map((day) => ({
			day,
			stops: this.#stops.value.get(day.id) ?? 0,
			notes: this.#notes.value.get(day.id) ?? 0
		}))
	);

	get loaded(): boolean {
		return this.#days.loaded;
	}
}
