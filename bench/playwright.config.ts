import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/chromium.js';

/**
 * Browser benchmarks, run by `npm run bench` (scripts/bench.mjs), which builds the app and the
 * baseline app, serves both and passes their addresses in BENCH_APP_URL and BENCH_BASELINE_URL.
 * One worker: benchmarks must not compete with each other for the CPU.
 */
export default defineConfig({
	testDir: 'browser',
	testMatch: '*.bench.ts',
	outputDir: '.out/test-results',
	timeout: 10 * 60_000,
	expect: { timeout: 30_000 },
	workers: 1,
	fullyParallel: false,
	retries: 0,
	reporter: [['list']],
	use: {
		launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
		serviceWorkers: 'allow',
		trace: 'off',
		video: 'off',
		locale: 'en-GB',
		timezoneId: 'Europe/Copenhagen',
		// The phone the app is made for.
		viewport: { width: 390, height: 844 }
	}
});
