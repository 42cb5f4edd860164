import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { basemapHosts, relayOrigins } from './csp.config.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
	version: string;
};

const unitTests = process.env.VITEST !== undefined;

export default defineConfig(({ command }) => ({
	plugins: [
		// In `vite dev` only: it recompiles the catalogue when a message changes. A build uses what
		// `npm run i18n` compiled (`npm run build` runs it first; the plugin would compile again).
		!unitTests &&
			command === 'serve' &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				emitGitIgnore: true,
				emitPrettierIgnore: true
			}),
		sveltekit(),
		!unitTests &&
			SvelteKitPWA({
				registerType: 'prompt',
				injectRegister: false,
				// Absolute: SvelteKit's relative base ('./') would register `sw.js` next to whatever
				// screen is opened first (/notes/edit → /notes/sw.js, a 404), so a first visit to a
				// deeper screen never installed the app.
				base: '/',
				scope: '/',
				strategies: 'generateSW',
				manifest: {
					id: '/',
					name: 'Stedsans',
					short_name: 'Stedsans',
					description:
						'Field notes, follow-along days and place glossary for ethnography — offline.',
					lang: 'en',
					start_url: '/',
					scope: '/',
					display: 'standalone',
					orientation: 'any',
					theme_color: '#1f4b43',
					background_color: '#f6f3ec',
					icons: [
						{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
						{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
						{
							src: '/icons/maskable-512.png',
							sizes: '512x512',
							type: 'image/png',
							purpose: 'maskable'
						}
					]
				},
				workbox: {
					// MapLibre's worker is an .mjs file: without it the map fails offline.
					globPatterns: [
						// pbf: the offline map's bundled glyphs (static/map/fonts).
						'client/**/*.{js,mjs,css,html,ico,png,svg,webmanifest,json,wasm,pbf}',
						'prerendered/**/*.html'
					],
					maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
					navigateFallback: '/',
					// Screens take their record id from the query string (?id=…); every screen is one shell.
					ignoreURLParametersMatching: [/.*/],
					cleanupOutdatedCaches: true,
					clientsClaim: false,
					skipWaiting: false
				},
				kit: { includeVersionFile: true }
			})
	],
	define: {
		__APP_VERSION__: JSON.stringify(pkg.version),
		// The basemap hosts the Content Security Policy allows (Settings refuses any other).
		__BASEMAP_HOSTS__: JSON.stringify(basemapHosts()),
		// The relay origins the Content Security Policy allows besides the app's own (Team sync).
		__RELAY_ORIGINS__: JSON.stringify(relayOrigins())
	},
	resolve: {
		// Zod, configured once for the Content Security Policy (see src/lib/zod.ts).
		alias: [
			{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/lib/zod.ts', import.meta.url)) }
		]
	},
	build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		include: ['src/**/*.test.ts'],
		benchmark: { include: ['src/**/*.bench.ts'] },
		environment: 'node',
		setupFiles: ['./src/test-setup.ts'],
		testTimeout: 30_000
	}
}));
