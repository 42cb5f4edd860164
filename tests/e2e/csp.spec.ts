import { expect, test, type Page } from './fixtures';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	alertRegion,
	exportBackup,
	foreignRequests,
	openApp,
	recordRequests,
	TEST_PASSPHRASE
} from './driver';
import { DC_RUN, expectLayerDrawn, importGpx } from './follow-driver';
import { startDemoWorkspace } from './notes-driver';

// This spec needs the service worker (the rest run without it: see playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const BUILD = new URL('../../build/', import.meta.url).pathname;
const BASEMAP = 'tiles.openfreemap.org';

function files(dir: string, ext: RegExp): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path, ext);
		return ext.test(name) ? [path] : [];
	});
}

/** The policy of a built page, directive by directive. */
function policyOf(html: string): Record<string, string[]> {
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html);
	expect(meta, 'a CSP meta tag').not.toBeNull();
	return Object.fromEntries(
		meta![1]!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name!, values])
	);
}

test('every built page carries a strict Content Security Policy', () => {
	const pages = files(BUILD, /\.html$/);
	expect(pages.length).toBeGreaterThan(5);
	for (const path of pages) {
		const html = readFileSync(path, 'utf8');
		const p = policyOf(html);
		const where = path.slice(BUILD.length);
		expect(p['default-src'], where).toEqual(["'self'"]);
		const scripts = p['script-src']!;
		expect(scripts.slice(0, 2), where).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		// Only hashes besides: no host, no 'unsafe-eval', no 'unsafe-inline'.
		for (const s of scripts.slice(2)) expect(s, where).toMatch(/^'sha256-[A-Za-z0-9+/=]+'$/);
		expect(p['connect-src'], where).toEqual(["'self'", `https://${BASEMAP}`]);
		expect(p['worker-src'], where).toEqual(["'self'"]);
		expect(p['object-src'], where).toEqual(["'none'"]);
		// Stylesheets only from the app's files; inline style attributes only (style-src-attr).
		expect(p['style-src'], where).toEqual(["'self'"]);
		expect(p['style-src-attr'], where).toEqual(["'unsafe-inline'"]);
		// Every inline script has its hash in the policy (so the app starts under it).
		for (const [, body] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
			const hash = `'sha256-${createHash('sha256').update(body!).digest('base64')}'`;
			expect(scripts, `${where}: inline script hashed`).toContain(hash);
		}
	}
});

test('the build loads no script, font or stylesheet from another host, and has no analytics', () => {
	for (const path of files(BUILD, /\.(html|css|js|mjs|webmanifest)$/)) {
		const text = readFileSync(path, 'utf8');
		const where = path.slice(BUILD.length);
		expect(text, where).not.toMatch(/<script[^>]+src="(?:https?:)?\/\//);
		expect(text, where).not.toMatch(/<link[^>]+href="(?:https?:)?\/\//);
		expect(text, where).not.toMatch(/@import\s+(?:url\()?["']?(?:https?:)?\/\//);
		expect(text, where).not.toMatch(/@font-face[^}]*url\(["']?(?:https?:)?\/\//);
		expect(text, where).not.toMatch(
			/google-analytics|googletagmanager|fonts\.googleapis|fonts\.gstatic|plausible\.io|sentry\.io|matomo|hotjar|segment\.io/
		);
	}
});

/** Every CSP violation a page reports, from the first script on (an init script). */
async function watchViolations(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
		);
	});
}

const violations = (page: Page) =>
	page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

test('the app works under its policy: every screen, a map, the editor, a worker and WebAssembly', async ({
	page,
	context
}) => {
	test.setTimeout(240_000);
	const requests = recordRequests(context);
	const seen: string[] = [];
	await watchViolations(page);
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/.test(m.text())) seen.push(m.text());
	});
	await startDemoWorkspace(page);

	await page.goto('/follow');
	const day = await page
		.getByRole('list', { name: 'Follow-along days' })
		.getByRole('link')
		.filter({ hasText: 'Recorded by GPS' })
		.first()
		.getAttribute('href');
	const place = await (async () => {
		await openApp(page, '/places');
		return page
			.getByRole('list', { name: 'Places, by name' })
			.getByRole('link')
			.first()
			.getAttribute('href');
	})();
	const screens: [string, (p: Page) => Promise<void>][] = [
		['/', (p) => expect(p.getByRole('navigation')).toBeVisible()],
		['/notes', (p) => expect(p.getByTestId('notes-count')).toBeVisible()],
		['/notes/participants', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
		['/notes/codebook', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
		['/map', (p) => mapDrawn(p)],
		['/follow', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
		['/follow/start', (p) => expect(p.locator('#fa-participant')).toBeVisible()],
		[day!, (p) => expectLayerDrawn(p, 'day-route-recorded')],
		[
			day!.replace('/follow/day', '/follow/replay'),
			(p) => expectLayerDrawn(p, 'replay-route-recorded')
		],
		[
			day!.replace('/follow/day', '/follow/sketch'),
			(p) => expectLayerDrawn(p, 'sketch-base-route-recorded')
		],
		['/places', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
		[place!, (p) => expect(p.locator('.map canvas').first()).toBeVisible()],
		[
			'/places/edit',
			(p) => expect(p.getByRole('textbox', { name: 'Name', exact: true })).toBeVisible()
		],
		['/places/labels', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
		[
			'/settings',
			(p) => expect(p.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
		],
		['/settings/team', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
		['/settings/trash', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
		['/settings/boundaries', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()]
	];
	for (const [path, ready] of screens) {
		await test.step(path, async () => {
			await page.goto(path);
			await ready(page);
			expect(await violations(page), path).toEqual([]);
		});
	}

	await test.step('the note editor, with a highlighted identifier', async () => {
		await openApp(page, '/notes/edit');
		await page.getByRole('textbox', { name: 'Note text' }).pressSequentially('ring 23456789 ');
		await expect(page.locator('.identifier-hit')).toHaveText('23456789');
		expect(await violations(page)).toEqual([]);
	});

	await test.step('a worker: GPX import', async () => {
		await importGpx(page, DC_RUN, undefined, 'Keep the whole track');
		await page.waitForURL(/\/follow\/day\?id=/);
		await expectLayerDrawn(page, 'day-route-recorded');
		expect(await violations(page)).toEqual([]);
	});

	await test.step('WebAssembly: Argon2id for an encrypted export', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'stedsans-csp-'));
		try {
			await page.goto('/settings');
			const file = await exportBackup(page, dir, { passphrase: TEST_PASSPHRASE }, { anyway: true });
			expect(JSON.parse(readFileSync(file, 'utf8')).kdf.alg).toBe('argon2id');
			expect(await violations(page)).toEqual([]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	expect(seen).toEqual([]);
	expect(foreignRequests(requests, [BASEMAP])).toEqual([]);
});

/** The notes map has drawn features over its own style (no basemap host resolves in tests). */
async function mapDrawn(page: Page): Promise<void> {
	await expect(page.locator('.map canvas').first()).toBeVisible();
	await expect
		.poll(() =>
			page
				.locator('.map')
				.first()
				.evaluate(
					(el) =>
						(
							el as HTMLElement & { maplibre?: { queryRenderedFeatures(): unknown[] } }
						).maplibre?.queryRenderedFeatures().length ?? 0
				)
		)
		.toBeGreaterThan(0);
}

test('Settings refuses a basemap on a host the policy does not allow, and says which are', async ({
	page,
	context
}) => {
	const requests = recordRequests(context);
	await openApp(page, '/settings');
	// Where the map comes from is a technical detail: behind its disclosure.
	await page
		.getByRole('region', { name: 'Map and locations' })
		.getByText('Technical details')
		.click();
	const field = page.getByLabel('Basemap style URL');
	await expect(
		page.getByText(`This installation may load maps only from: ${BASEMAP}.`)
	).toBeVisible();
	await field.fill('https://tiles.example.org/style.json');
	await field.press('Enter');
	await expect(alertRegion(page)).toHaveText(
		`Stedsans may not load maps from tiles.example.org: its security policy allows only ${BASEMAP}. Whoever installs Stedsans can add a host (STEDSANS_BASEMAP_HOSTS). The basemap was not changed.`
	);
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await page.reload();
	await expect(page.getByLabel('Basemap style URL')).toHaveValue(
		`https://${BASEMAP}/styles/liberty`
	);
	await page.goto('/map');
	await mapDrawn(page);
	expect(requests.filter((u) => u.includes('example.org'))).toEqual([]);
});
