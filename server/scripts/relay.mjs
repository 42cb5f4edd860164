#!/usr/bin/env node
// `npm run server -- …`: bundles the relay's TypeScript (server/src/main.ts and the protocol it
// shares with the app) into one ES module with esbuild, then runs it in this process. Plain
// JavaScript at run time keeps the process small (a TypeScript loader such as tsx costs ~35 MB
// of memory for the whole life of the relay); the bundle takes well under a second to make.
// Packages stay outside the bundle and load from node_modules.
import { build, stop } from 'esbuild';
import { renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('..', import.meta.url));
const out = `${server}dist/relay.mjs`;
const tmp = `${out}.${process.pid}.tmp`;
await build({
	entryPoints: [`${server}src/main.ts`],
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	tsconfig: `${server}tsconfig.json`,
	outfile: tmp,
	sourcemap: 'inline',
	logLevel: 'warning'
});
await stop();
// A rename is atomic: a relay starting beside this one never loads half a file.
renameSync(tmp, out);
await import(out);
