import { expect, test } from './fixtures';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isControlled, launchProfile, loadApp, waitForServiceWorker } from './driver';

// This spec needs the service worker (the rest run without it: see playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

interface ManifestIcon {
	src: string;
	sizes: string;
	type: string;
	purpose?: string;
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
	if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the manifest is linked and valid, with icons that load as PNGs of their stated size', async ({
	page,
	context
}) => {
	await loadApp(page);
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const url = new URL(href!, page.url()).href;
	const response = await page.request.get(url);
	expect(response.ok()).toBe(true);
	const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };

	expect(manifest).toMatchObject({
		name: 'Stedsans',
		start_url: '/',
		display: 'standalone',
		theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i)
	});
	expect(typeof manifest.short_name).toBe('string');
	expect((manifest.short_name as string).length).toBeGreaterThan(0);
	expect((manifest.short_name as string).length).toBeLessThanOrEqual(12);

	const wanted = [
		{ sizes: '192x192', maskable: false },
		{ sizes: '512x512', maskable: false },
		{ sizes: '512x512', maskable: true }
	];
	for (const { sizes, maskable } of wanted) {
		const icon = manifest.icons.find(
			(i) =>
				i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(maskable ? 'maskable' : 'any')
		);
		expect(icon, `${maskable ? 'maskable ' : ''}icon ${sizes}`).toBeDefined();
		expect(icon!.type).toBe('image/png');
		const res = await page.request.get(new URL(icon!.src, url).href);
		expect(res.ok(), icon!.src).toBe(true);
		expect(res.headers()['content-type']).toContain('image/png');
		const size = pngSize(await res.body());
		const [w, h] = sizes.split('x').map(Number);
		expect(size, icon!.src).toEqual({ width: w, height: h });
	}

	// Chromium's own reading of the manifest: no parse errors.
	const cdp = await context.newCDPSession(page);
	const { errors } = await cdp.send('Page.getAppManifest');
	expect(errors).toEqual([]);
});

test('Chromium finds nothing that keeps the app from being installed', async () => {
	// A real profile on disk: Chromium never offers to install from an incognito test context.
	const dir = mkdtempSync(join(tmpdir(), 'stedsans-install-'));
	const { context, page } = await launchProfile(dir);
	try {
		await loadApp(page);
		await waitForServiceWorker(page);
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
	} finally {
		await context.close();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('the service worker takes over after a reload and precaches every app file, MapLibre’s worker included', async ({
	page
}) => {
	await loadApp(page);
	// The first visit is not taken over under the user's feet (no clientsClaim)…
	expect(await isControlled(page)).toBe(false);
	// …the next load is.
	await waitForServiceWorker(page);
	expect(await isControlled(page)).toBe(true);

	const cached = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
		}
		return urls;
	});
	expect(
		cached.some((u) => /\/_app\/immutable\/assets\/maplibre-gl-worker\.[\w-]+\.mjs$/.test(u))
	).toBe(true);

	// Every file the build emitted under _app/immutable is in the precache.
	const build = new URL('../../build/_app/immutable/', import.meta.url).pathname;
	const files = readdirSync(build, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => `/_app/immutable/${d.parentPath.slice(build.length)}/${d.name}`.replace('//', '/'));
	expect(files.length).toBeGreaterThan(10);
	expect(files.filter((f) => !cached.includes(f))).toEqual([]);
	for (const page of ['/', '/settings', '/settings/trash', '/settings/boundaries'])
		expect(cached).toContain(page);
});

test('a first visit to a screen other than the start page also installs the service worker', async ({
	page
}) => {
	// A link shared to /settings/trash (or any deeper screen) must make the app work offline too.
	await loadApp(page, '/settings/trash');
	await waitForServiceWorker(page);
	const scope = await page.evaluate(
		async () => (await navigator.serviceWorker.getRegistration())?.scope
	);
	expect(scope).toBe(new URL('/', page.url()).href);
});
