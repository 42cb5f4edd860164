import { placesRepo } from '$lib/db/places.repo';

/** The glossary's places by name, for linking a stop to one. */
export async function glossaryPlaces(): Promise<{ id: string; name: string }[]> {
	const places = await placesRepo.list();
	return places
		.map((p) => ({ id: p.id, name: p.name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
