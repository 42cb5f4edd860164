import { EthnographerContent } from '$lib/domain/people/ethnographer';
import { defineRepository, type EntityOf } from './repository';
import { getMeta, identity } from './workspace';

export const ethnographersRepo = defineRepository({
	table: 'ethnographers',
	content: EthnographerContent,
	version: 1
});

export type Ethnographer = EntityOf<typeof EthnographerContent>;

/** This device's ethnographer, the author of what is written here. */
export async function getProfile(): Promise<Ethnographer | undefined> {
	// Read through the meta table, so a live query also follows a change of profile (restore).
	const id = (await getMeta<string>('profileId')) ?? identity().authorId;
	return ethnographersRepo.get(id);
}

export async function setDisplayName(displayName: string): Promise<Ethnographer> {
	const id = identity().authorId;
	if (await ethnographersRepo.get(id)) return ethnographersRepo.update(id, { displayName });
	return ethnographersRepo.create({ displayName }, { id });
}
