import { EthnographerContent } from '$lib/domain/people/ethnographer';
import { defineRepository, type EntityOf } from './repository';
import { identity } from './workspace';

export const ethnographersRepo = defineRepository({
	table: 'ethnographers',
	content: EthnographerContent,
	version: 1
});

export type Ethnographer = EntityOf<typeof EthnographerContent>;

/** This device's ethnographer, the author of what is written here. */
export async function getProfile(): Promise<Ethnographer | undefined> {
	return ethnographersRepo.get(identity().authorId);
}

export async function setDisplayName(displayName: string): Promise<Ethnographer> {
	const id = identity().authorId;
	if (await ethnographersRepo.get(id)) return ethnographersRepo.update(id, { displayName });
	return ethnographersRepo.create({ displayName }, { id });
}
