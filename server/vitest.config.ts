import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The relay's tests (`npm run test:server`): run once per database, PGlite and PostgreSQL.
// One file at a time: two cores, and PGlite and PostgreSQL both want one while they work.
export default defineConfig({
	root: fileURLToPath(new URL('..', import.meta.url)),
	// The app's modules the relay shares (protocol, keys, client) import each other by $lib.
	resolve: { alias: { $lib: fileURLToPath(new URL('../src/lib', import.meta.url)) } },
	test: {
		include: ['server/test/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 120_000,
		globalSetup: ['server/test/global-setup.ts']
	}
});
