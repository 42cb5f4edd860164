import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/chromium.js';

// E2E_PORT lets a second run (or a developer's own server) use another port.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	timeout: 90_000,
	expect: { timeout: 15_000 },
	fullyParallel: true,
	workers: 2,
	// One retry on CI, whose two cores run two browsers with software WebGL: a test that fails
	// twice is red; one that passes on the retry is reported as flaky in the output.
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
		// Blocked unless a spec is about it (install, offline, update, CSP, …: they say
		// `test.use({ serviceWorkers: 'allow' })`): precaching the whole app in every test's fresh
		// context costs each test a second or more on a two-core machine.
		serviceWorkers: 'block',
		// Recording a trace of every test (DOM snapshots at each action) costs every test time;
		// the retry of a failed test records one.
		trace: 'on-first-retry',
		video: 'off',
		locale: 'en-GB',
		timezoneId: 'Europe/Copenhagen'
	},
	webServer: {
		// The production build (npm run test:e2e builds it first), served as `npm start` serves it.
		command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
		url: `http://127.0.0.1:${PORT}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
