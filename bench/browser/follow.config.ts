import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/chromium.js';

/**
 * The follow-along benchmarks, runnable on their own against the production build:
 *   npx vite build && npx playwright test -c bench/browser/follow.config.ts
 * BENCH_PORT picks the preview server's port (default 4191).
 */
const PORT = Number(process.env.BENCH_PORT ?? 4191);

export default defineConfig({
	testDir: '.',
	testMatch: /follow-.*\.bench\.ts$/,
	outputDir: '../.out/follow-results',
	timeout: 300_000,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
		serviceWorkers: 'block',
		viewport: { width: 1280, height: 860 },
		locale: 'en-GB',
		timezoneId: 'Europe/Copenhagen'
	},
	webServer: {
		command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
		cwd: '../..',
		url: `http://127.0.0.1:${PORT}`,
		reuseExistingServer: true,
		timeout: 60_000
	}
});
