// A small static server for a built app, with the SPA fallback `vite preview` gives (a path
// without a file gets `path.html`, then `path/index.html`, then `/index.html`).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm'
};

/** Serves `root` on 127.0.0.1 (a free port unless one is given); resolves to its origin. */
export function serve(root, port = 0) {
	const server = createServer((req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		const file = [path, `${path}.html`, join(path, 'index.html'), '/index.html']
			.map((p) => join(root, p))
			.find((f) => f.startsWith(root) && existsSync(f) && statSync(f).isFile());
		if (!file) {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-cache'
		});
		res.end(readFileSync(file));
	});
	return new Promise((resolve) =>
		server.listen(port, '127.0.0.1', () =>
			resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })
		)
	);
}
