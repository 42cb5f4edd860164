import { TombstoneContent } from '$lib/domain/participants/tombstone';
import { defineRepository, type EntityOf } from './repository';

/** Purged participants: their id only, sealed (domain/participants/tombstone.ts). */
export const tombstonesRepo = defineRepository({
	table: 'tombstones',
	content: TombstoneContent,
	version: 1
});
export type Tombstone = EntityOf<typeof TombstoneContent>;

/** The ids of every participant purged here or in a package or backup that came in. */
export async function purgedParticipants(): Promise<Set<string>> {
	return new Set((await tombstonesRepo.list()).map((t) => t.participantId));
}
