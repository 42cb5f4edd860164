import { expect, test, type BrowserContext } from '@playwright/test';
import {
	APP_URL,
	BASELINE_URL,
	install,
	median,
	needsServers,
	readyAt,
	record,
	RUNS,
	watchReady
} from './support';

/**
 * One cold start with the network off: a new page, the service worker stopped, the HTTP and memory
 * caches cleared, so everything comes from the service worker's precache, as when the phone
 * opens the installed app in the field. Returns ms from navigation start to the ready marker.
 */
async function coldStart(context: BrowserContext, url: string): Promise<number> {
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.clearBrowserCache');
	await cdp.send('ServiceWorker.enable');
	await cdp.send('ServiceWorker.stopAllWorkers');
	await watchReady(page);
	await page.goto(url, { waitUntil: 'commit' });
	const ms = await readyAt(page);
	expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await cdp.detach();
	await page.close();
	return ms;
}

test('cold start offline to an interactive first screen, against a bare SvelteKit page', async ({
	browser
}) => {
	needsServers();
	const targets = { app: APP_URL, baseline: BASELINE_URL };
	const contexts: Record<string, BrowserContext> = {};
	for (const [name, url] of Object.entries(targets)) {
		contexts[name] = await browser.newContext();
		await install(contexts[name]!, url);
		await contexts[name]!.setOffline(true);
	}

	const times: Record<string, number[]> = { app: [], baseline: [] };
	// Interleaved, so a noisy moment on the machine hits both; the first round warms up.
	for (let round = 0; round <= RUNS; round++) {
		for (const name of ['app', 'baseline'] as const) {
			const ms = await coldStart(contexts[name]!, targets[name]);
			console.log(`${round === 0 ? 'warm-up' : `run ${round}`} ${name}: ${Math.round(ms)} ms`);
			if (round > 0) times[name]!.push(ms);
		}
	}
	for (const context of Object.values(contexts)) await context.close();

	const app = Math.round(median(times.app!));
	const baseline = Math.round(median(times.baseline!));
	record('cold-start', {
		figure: 'Cold start offline → interactive (median)',
		value: app,
		baseline,
		unit: 'ms',
		target: '≤ 2× baseline',
		pass: app <= 2 * baseline,
		notes: `${RUNS} runs each, interleaved`
	});
});
