import {
	decodeRelease,
	EncodedReleaseContent,
	encodeRelease,
	ReleaseContent
} from '$lib/domain/heatmap/release-record';
import { defineRepository, type EntityOf } from './repository';

/**
 * Releases (domain/heatmap/release-record.ts). Append only: nothing in the app changes or deletes
 * one, because every later map is checked against it. Indexed by id only: the time is sealed.
 */
export const releasesRepo = defineRepository({
	table: 'releases',
	content: ReleaseContent,
	version: 1,
	json: { schema: EncodedReleaseContent, encode: encodeRelease, decode: decodeRelease }
});
export type Release = EntityOf<typeof ReleaseContent>;

/** Every release of the workspace (with those from team packages), oldest first. */
export async function listReleases(): Promise<Release[]> {
	return (await releasesRepo.list()).sort((a, b) => a.releasedAt - b.releasedAt);
}
