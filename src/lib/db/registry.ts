import type { z } from 'zod';
import type { RecordTable } from './db';
import type { Repository } from './repository';
import { boundariesRepo } from './boundaries.repo';
import { ethnographersRepo } from './ethnographers.repo';
import { settingsRepo } from './settings.repo';
import { participantsRepo } from './participants.repo';
import { codesRepo } from './codes.repo';
import { notesRepo } from './notes.repo';
import { fixChunksRepo, followAlongsRepo, stopsRepo } from './follow-alongs.repo';
import { placeRevisionsRepo, placesRepo } from './places.repo';
import { interviewsRepo, namedPlacesRepo } from './named-places.repo';
import { releasesRepo } from './releases.repo';
import { tombstonesRepo } from './tombstones.repo';

export type AnyRepository = Repository<z.ZodObject>;

/** Every repository by table, for backup and the trash, which work across all of them. */
export const REPOSITORIES: Record<RecordTable, AnyRepository> = {
	settings: settingsRepo as unknown as AnyRepository,
	ethnographers: ethnographersRepo as unknown as AnyRepository,
	boundaries: boundariesRepo as unknown as AnyRepository,
	participants: participantsRepo as unknown as AnyRepository,
	codes: codesRepo as unknown as AnyRepository,
	notes: notesRepo as unknown as AnyRepository,
	followAlongs: followAlongsRepo as unknown as AnyRepository,
	stops: stopsRepo as unknown as AnyRepository,
	fixChunks: fixChunksRepo as unknown as AnyRepository,
	places: placesRepo as unknown as AnyRepository,
	placeRevisions: placeRevisionsRepo as unknown as AnyRepository,
	tombstones: tombstonesRepo as unknown as AnyRepository,
	releases: releasesRepo as unknown as AnyRepository,
	interviews: interviewsRepo as unknown as AnyRepository,
	namedPlaces: namedPlacesRepo as unknown as AnyRepository
};
