import { unpackChunks } from '$lib/domain/tracks/chunks';
import { EMPTY_TRACK, type Track } from '$lib/domain/tracks/track';
import type { Row } from '$lib/db/db';
import {
	fixChunksRepo,
	followAlongsRepo,
	stopsRepo,
	type FollowAlong,
	type Stop
} from '$lib/db/follow-alongs.repo';
import { notesRepo, type Note } from '$lib/db/notes.repo';
import { chunkRowsOf, followAlongRow, noteRowsOf, stopRowsOf } from '$lib/db/follow-alongs.queries';
import { Live } from '$lib/features/app/live.svelte';

/**
 * One follow-along day kept live for its screens: the day, its route (re-read as a recording
 * writes new fixes), its stops and the notes written during it. Create it during component
 * initialisation.
 */
export class FollowAlongView {
	#day: Live<Row | undefined, FollowAlong | null | undefined>;
	#track: Live<Row[], Track>;
	#stops: Live<Row[], Stop[]>;
	#notes: Live<Row[], Note[]>;

	constructor(readonly id: string) {
		this.#day = new Live(
			() => followAlongRow(id),
			async (row) => {
				const day = row ? await followAlongsRepo.fromRow(row) : null;
				return day?.deletedAt === null ? day : null;
			},
			undefined
		);
		this.#track = new Live(
			() => chunkRowsOf(id),
			async (rows) => unpackChunks(await fixChunksRepo.live(rows)),
			EMPTY_TRACK
		);
		this.#stops = new Live(
			() => stopRowsOf(id),
			async (rows) => (await stopsRepo.live(rows)).sort((a, b) => a.arrivedAt - b.arrivedAt),
			[] as Stop[]
		);
		this.#notes = new Live(
			() => noteRowsOf(id),
			async (rows) => (await notesRepo.live(rows)).sort((a, b) => a.observedAt - b.observedAt),
			[] as Note[]
		);
	}

	/** The day; undefined while loading, null when it does not exist (or is in the trash). */
	get day(): FollowAlong | null | undefined {
		return this.#day.value;
	}
	get track(): Track {
		return this.#track.value;
	}
	get stops(): Stop[] {
		return this.#stops.value;
	}
	get notes(): Note[] {
		return this.#notes.value;
	}
	/** Route and stops have loaded (the map can be framed). */
	get loaded(): boolean {
		return this.#day.loaded && this.#track.loaded && this.#stops.loaded;
	}
	get error(): unknown {
		return this.#day.error ?? this.#track.error ?? this.#stops.error ?? this.#notes.error;
	}
}
