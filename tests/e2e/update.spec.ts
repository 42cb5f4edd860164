import { expect, test, type Page } from './fixtures';
import {
	appendFileSync,
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import {
	allowHost,
	displayNameField,
	expectAppReady,
	gotoSection,
	waitForServiceWorker
} from './driver';

// This spec needs the service worker (the rest run without it: see playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const TYPES: Record<string, string> = {
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

/** A static server for a copy of the build, with the SPA fallback `vite preview` gives. */
function serve(root: string): Promise<{ server: Server; origin: string }> {
	const server = createServer((req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		const candidates = [path, `${path}.html`, join(path, 'index.html'), '/index.html'];
		const file = candidates
			.map((c) => join(root, c))
			.find((f) => f.startsWith(root) && existsSync(f) && statSync(f).isFile())!;
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-cache'
		});
		res.end(readFileSync(file));
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
		)
	);
}

/** Asks the service worker in control which version it is (only the new one answers). */
function askWorkerVersion(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				navigator.serviceWorker.addEventListener('message', (e) => resolve(String(e.data)), {
					once: true
				});
				navigator.serviceWorker.controller?.postMessage('stedsans-test-version');
				setTimeout(() => resolve('no answer'), 2000);
			})
	);
}

let root: string;
let server: Server;
let origin: string;

test.beforeEach(async () => {
	root = mkdtempSync(join(tmpdir(), 'stedsans-update-'));
	cpSync(new URL('../../build', import.meta.url).pathname, root, { recursive: true });
	({ server, origin } = await serve(root));
	allowHost(new URL(origin).host);
});

test.afterEach(async () => {
	await new Promise((resolve) => server.close(resolve));
	rmSync(root, { recursive: true, force: true });
});

test('a new version is offered, never forced on someone typing, and Reload now switches to it', async ({
	page
}) => {
	// The page's clock runs as usual, but can be moved on: a minute passes while someone types.
	await page.clock.install();
	await page.goto(origin + '/');
	await expectAppReady(page);
	await waitForServiceWorker(page);
	await gotoSection(page, 'Settings');

	// Someone starts typing their name…
	const field = displayNameField(page);
	await field.focus();
	await page.keyboard.type('Hanne Sø');
	await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
	let navigations = 0;
	page.on('framenavigated', (f) => {
		if (f === page.mainFrame()) navigations++;
	});

	// …while a new version is deployed and the app looks for it.
	appendFileSync(
		join(root, 'sw.js'),
		`\nself.addEventListener('message', (e) => { if (e.data === 'stedsans-test-version') e.source.postMessage('v2'); });\n`
	);
	await page.evaluate(async () => {
		await (await navigator.serviceWorker.getRegistration())?.update();
	});

	const prompt = page.getByRole('region', { name: 'A new version of Stedsans is ready.' });
	await expect(prompt).toBeVisible();
	await expect(prompt.getByRole('button', { name: 'Reload now' })).toBeVisible();

	// Typing goes on where it was; the page does not reload under the user.
	await page.keyboard.type('rensen');
	await expect(field).toHaveValue('Hanne Sørensen');
	await expect(page.getByText('Saved', { exact: true })).toBeVisible();
	// Any timer of the page that would force the new version on has fired by now.
	await page.clock.runFor(60_000);
	await expect(prompt).toBeVisible();
	await expect(field).toHaveValue('Hanne Sørensen');
	expect(navigations).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(
		true
	);
	expect(await askWorkerVersion(page)).toBe('no answer');

	// Reload now: the new worker takes over and the page reloads once, with the name kept.
	const reloaded = page.waitForEvent('load');
	await prompt.getByRole('button', { name: 'Reload now' }).click();
	await reloaded;
	await expectAppReady(page);
	expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(
		undefined
	);
	expect(await askWorkerVersion(page)).toBe('v2');
	expect(
		await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)
	).toBe(false);
	await expect(prompt).toBeHidden();
	await expect(displayNameField(page)).toHaveValue('Hanne Sørensen');
});
