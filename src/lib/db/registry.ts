import type { z } from 'zod';
import type { RecordTable } from './db';
import type { Repository } from './repository';
import { boundariesRepo } from './boundaries.repo';
import { ethnographersRepo } from './ethnographers.repo';
import { settingsRepo } from './settings.repo';

export type AnyRepository = Repository<z.ZodObject>;

/** Every repository by table, for backup and the trash, which work across all of them. */
export const REPOSITORIES: Record<RecordTable, AnyRepository> = {
	settings: settingsRepo as unknown as AnyRepository,
	ethnographers: ethnographersRepo as unknown as AnyRepository,
	boundaries: boundariesRepo as unknown as AnyRepository
};
