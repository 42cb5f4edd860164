import { chromium, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/chromium.js';
import { setUpPassphrase, vaultScreen, watchContext } from '../../tests/e2e/driver';

export const APP_URL = process.env.BENCH_APP_URL ?? '';
export const BASELINE_URL = process.env.BENCH_BASELINE_URL ?? '';
export const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const RESULTS = new URL('../.out/results/', import.meta.url).pathname;

/** Skips (with the reason) when run outside `npm run bench`, which serves both apps. */
export function needsServers(): void {
	test.skip(
		!APP_URL || !BASELINE_URL,
		'run through `npm run bench`, which builds and serves both apps'
	);
}

/** One row of the summary table that scripts/bench.mjs prints at the end. */
export interface BenchResult {
	figure: string;
	value: number;
	baseline: number;
	unit: string;
	target: string;
	pass: boolean;
	notes?: string;
}

export function record(id: string, result: BenchResult): void {
	mkdirSync(RESULTS, { recursive: true });
	writeFileSync(`${RESULTS}${id}.json`, JSON.stringify(result, null, 2));
	const ratio = result.baseline ? (result.value / result.baseline).toFixed(2) : '—';
	console.log(
		`${result.figure}: ${result.value} ${result.unit} (baseline ${result.baseline} ${result.unit}, ${ratio}×), target ${result.target}: ${result.pass ? 'pass' : 'FAIL'}`
	);
}

export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Records in the page when the app says its first screen is interactive, in ms since the
 * navigation started: `data-ready="true"` (the content), or `data-vault` naming the lock or
 * set-up screen the own workspace shows first (it is encrypted: the lock screen is its first screen).
 */
export async function watchReady(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const w = globalThis as unknown as { __readyAt?: number };
		new MutationObserver(() => {
			const data = document.documentElement?.dataset;
			const vault = data?.vault === 'locked' || data?.vault === 'setup';
			if (w.__readyAt === undefined && (data?.ready === 'true' || vault))
				w.__readyAt = performance.now();
		}).observe(document, {
			subtree: true,
			attributes: true,
			attributeFilter: ['data-ready', 'data-vault']
		});
	});
}

export async function readyAt(page: Page): Promise<number> {
	await page.waitForFunction(
		() => (globalThis as unknown as { __readyAt?: number }).__readyAt !== undefined,
		null,
		{ polling: 20, timeout: 60_000 }
	);
	return page.evaluate(() => (globalThis as unknown as { __readyAt: number }).__readyAt);
}

/** Loads the app once and waits until its service worker controls it (the precache is full). */
export async function install(context: BrowserContext, url: string): Promise<void> {
	const page = await context.newPage();
	await page.goto(url);
	for (let i = 0; i < 300; i++) {
		const active = await page.evaluate(
			async () => !!(await navigator.serviceWorker.getRegistration())?.active
		);
		if (active) break;
		await page.waitForTimeout(100);
	}
	await page.reload();
	const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
	if (!controlled) throw new Error(`the service worker of ${url} does not control the page`);
	// A device in use: the passphrase is set, so a start opens on the lock screen.
	if (await vaultScreen(page).count()) await setUpPassphrase(page);
	await page.close();
}

/**
 * A desktop-sized page of the app in its own Chromium, for the self-contained import benchmarks:
 * the app at BENCH_URL, BENCH_APP_URL, the configured baseURL or http://127.0.0.1:$E2E_PORT.
 * The own workspace is encrypted: its set-up and lock screens are passed by themselves.
 */
export async function appPage(configured?: string): Promise<{ browser: Browser; page: Page }> {
	const baseURL =
		process.env.BENCH_URL ??
		(process.env.BENCH_APP_URL || undefined) ??
		configured ??
		`http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
	const page = await browser.newPage({ baseURL, viewport: { width: 1280, height: 860 } });
	watchContext(page.context());
	return { browser, page };
}
