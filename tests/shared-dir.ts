import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The team's folder of shared test data: real GPX tracks and the municipality's official
 * boundaries, read from there and never copied into the project (they are not ours to
 * redistribute, and they are large). Found from `STEDSANS_SHARED`, else as the nearest folder
 * named `shared` beside the repository or beside any folder above it (a clone may sit deeper than
 * the working copy), else where it would be beside the repository.
 */
export function sharedDir(): string {
	const fromEnv = process.env.STEDSANS_SHARED;
	if (fromEnv) return resolve(fromEnv);
	const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
	for (let dir = repo; ; dir = dirname(dir)) {
		const candidate = join(dir, 'shared');
		if (existsSync(join(candidate, 'fixtures')) || existsSync(join(candidate, 'geo')))
			return candidate;
		if (dirname(dir) === dir) return join(dirname(repo), 'shared');
	}
}

/** A path inside the shared folder, e.g. `sharedPath('fixtures/gpx/run.gpx')`. */
export function sharedPath(relative: string): string {
	return join(sharedDir(), relative);
}
