import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The team's shared folder (`../shared` beside the repository): GPX fixtures and the official
 * boundaries, which are read from there and never copied into the project. Found from
 * `STEDSANS_SHARED`, else as the nearest `shared` folder beside the repository or any folder
 * above it (a clone may sit deeper than the working copy), else `/work/shared`.
 */
export function sharedDir(): string {
	const fromEnv = process.env.STEDSANS_SHARED;
	if (fromEnv) return resolve(fromEnv);
	let dir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
	for (;;) {
		const candidate = join(dir, 'shared');
		if (existsSync(join(candidate, 'fixtures')) || existsSync(join(candidate, 'geo')))
			return candidate;
		const up = dirname(dir);
		if (up === dir) return '/work/shared';
		dir = up;
	}
}

/** A path inside the shared folder, e.g. `sharedPath('fixtures/gpx/run.gpx')`. */
export function sharedPath(relative: string): string {
	return join(sharedDir(), relative);
}
