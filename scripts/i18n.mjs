#!/usr/bin/env node
// `npm run i18n`: compiles the message catalogue (messages/*/{en,da}.json) into src/lib/paraglide
// with Paraglide's CLI, unless nothing it reads has changed since the last compile. The CLI takes
// over a minute for our ~1,100 messages on a two-core machine, and `npm test` needs the catalogue
// in three steps (svelte-check, the unit tests, the build; Paraglide's Vite plugin runs in dev only).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'src', 'lib', 'paraglide');
const stamp = join(outdir, '.inputs-sha256');

const hash = createHash('sha256');
const inputs = [
	'project.inlang/settings.json',
	'node_modules/@inlang/paraglide-js/package.json',
	...readdirSync(join(root, 'messages'), { recursive: true })
		.map(String)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => join('messages', f))
];
for (const file of inputs) hash.update(file).update(readFileSync(join(root, file)));
const digest = hash.digest('hex');

if (
	existsSync(join(outdir, 'messages.js')) &&
	existsSync(stamp) &&
	readFileSync(stamp, 'utf8') === digest
) {
	console.log('Message catalogue up to date (src/lib/paraglide).');
	process.exit(0);
}
const r = spawnSync(
	'npx',
	['paraglide-js', 'compile', '--project', './project.inlang', '--outdir', './src/lib/paraglide'],
	{ cwd: root, stdio: 'inherit' }
);
if (r.status !== 0) process.exit(r.status ?? 1);
writeFileSync(stamp, digest);
