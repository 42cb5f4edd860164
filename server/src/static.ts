import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * The relay can serve the app's build (`--app build`) at its own origin, so the app reaches the
 * relay as 'self' under its Content Security Policy with no host added to it (docs/team-sync.md,
 * "The relay's address and the Content Security Policy"). Files only, read-only, no listing; an
 * unknown path gets the app's shell, as the static hosting and the service worker do.
 */
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2'
};

async function isFile(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

/** Serves `pathname` from `root`; false when the path is not the app's (it goes to the API). */
export async function serveApp(root: string, pathname: string, res: ServerResponse): Promise<void> {
	const base = resolve(root);
	const wanted = normalize(join(base, decodeURIComponent(pathname)));
	if (wanted !== base && !wanted.startsWith(base + sep)) {
		res.writeHead(404).end();
		return;
	}
	const candidates = [
		wanted,
		`${wanted}.html`,
		join(wanted, 'index.html'),
		join(base, 'index.html')
	];
	for (const file of candidates) {
		if (!(await isFile(file))) continue;
		const immutable = file.includes(`${sep}_app${sep}immutable${sep}`);
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			'x-content-type-options': 'nosniff'
		});
		createReadStream(file).pipe(res);
		return;
	}
	res.writeHead(404).end();
}
