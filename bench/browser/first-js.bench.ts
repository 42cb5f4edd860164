import { expect, test, type Browser, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { APP_URL, BASELINE_URL, needsServers, readyAt, record, watchReady } from './support';
import { sharedPath } from '../../tests/shared-dir';
import { watchContext } from '../../tests/e2e/driver';

const KK_KVARTERER = sharedPath('geo/kk_kvarterer_subset_4326.geojson');

/** Code only the libraries themselves contain (not the small modules that load them lazily). */
const HEAVY = {
	MapLibre: /maplibregl-canvas/,
	Tiptap: /ProseMirror-/
};

interface Script {
	url: string;
	bytes: number;
	gzip: number;
	libraries: string[];
}

/** The JavaScript files a page has loaded (until `until` ms after navigation start, if given). */
async function scriptsLoaded(page: Page, until = Infinity): Promise<Script[]> {
	const urls = await page.evaluate(
		(until) =>
			performance
				.getEntriesByType('resource')
				.filter((e) => /\.m?js(\?|$)/.test(new URL(e.name).pathname))
				.filter((e) => (e as PerformanceResourceTiming).responseEnd <= until)
				.map((e) => e.name),
		until
	);
	const scripts: Script[] = [];
	for (const url of [...new Set(urls)]) {
		const body = await (await page.request.get(url)).body();
		const text = body.toString('utf8');
		scripts.push({
			url,
			bytes: body.length,
			gzip: gzipSync(body).length,
			libraries: Object.entries(HEAVY)
				.filter(([, re]) => re.test(text))
				.map(([name]) => name)
		});
	}
	return scripts;
}

/** A first visit (no service worker, so nothing else is fetched in the background). */
async function firstScreen(browser: Browser, url: string) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	// The screens opened after the first one get through the passphrase set-up by themselves.
	watchContext(context);
	const page = await context.newPage();
	await watchReady(page);
	await page.goto(url);
	const ready = await readyAt(page);
	// Let anything the screen starts right after the marker arrive, then keep only what came before.
	await page.waitForTimeout(500);
	const scripts = await scriptsLoaded(page, ready);
	return { context, page, scripts };
}

const kib = (n: number) => Math.round((n / 1024) * 10) / 10;

test('JavaScript loaded before the first screen is interactive (gzip), against a bare SvelteKit page', async ({
	browser
}) => {
	needsServers();
	const app = await firstScreen(browser, APP_URL);
	const baseline = await firstScreen(browser, BASELINE_URL);
	const total = (s: Script[]) => s.reduce((n, x) => n + x.gzip, 0);

	console.log('app, before the first screen is interactive:');
	for (const s of app.scripts)
		console.log(`  ${kib(s.gzip)} KiB gzip (${kib(s.bytes)} KiB)  ${new URL(s.url).pathname}`);
	const heavyEarly = app.scripts.filter((s) => s.libraries.length > 0);

	// The check is only worth something if it recognises the libraries where they do load.
	await app.page.goto(APP_URL + '/settings/boundaries');
	await app.page.locator('input[type=file]').first().setInputFiles(KK_KVARTERER);
	await expect(app.page.locator('canvas.maplibregl-canvas')).toBeVisible();
	const onMap = (await scriptsLoaded(app.page)).flatMap((s) => s.libraries);
	await app.page.goto(APP_URL + '/');
	await app.page.getByRole('link', { name: 'New note' }).first().click();
	await expect(app.page.locator('.ProseMirror')).toBeVisible();
	const inEditor = (await scriptsLoaded(app.page)).flatMap((s) => s.libraries);
	const detectorWorks = onMap.includes('MapLibre') && inEditor.includes('Tiptap');
	console.log(
		`MapLibre recognised on the map screen: ${onMap.includes('MapLibre')}; Tiptap in the editor: ${inEditor.includes('Tiptap')}`
	);
	await app.context.close();
	await baseline.context.close();

	const value = kib(total(app.scripts));
	record('first-js', {
		figure: 'JS before first screen is interactive (gzip)',
		value,
		baseline: kib(total(baseline.scripts)),
		unit: 'KiB',
		target: '≤ 120 KiB, no MapLibre/Tiptap',
		pass: value <= 120 && heavyEarly.length === 0 && detectorWorks,
		notes:
			`${app.scripts.length} files` +
			(heavyEarly.length
				? `; loaded early: ${heavyEarly.map((s) => s.libraries.join('+')).join(', ')}`
				: '; MapLibre and Tiptap not among them') +
			(detectorWorks ? '' : '; library detection not confirmed on the map and editor screens')
	});
});
