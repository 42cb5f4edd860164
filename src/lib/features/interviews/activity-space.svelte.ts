import type { NamedPlace } from '$lib/db/named-places.repo';
import { live } from '$lib/features/app/live.svelte';
import { placesOfParticipant } from './interview.service';

/** One participant's named places from every source: their activity space, inside the team. */
export class ActivitySpace {
	readonly #places;

	constructor(participantId: string) {
		this.#places = live(() => placesOfParticipant(participantId), [] as NamedPlace[]);
	}

	get places(): NamedPlace[] {
		return this.#places.value;
	}

	get loaded(): boolean {
		return this.#places.loaded;
	}
}
