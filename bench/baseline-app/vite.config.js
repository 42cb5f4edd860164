import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The same plugins and service worker settings as the app (vite.config.ts at the root).
export default defineConfig({
	cacheDir: fileURLToPath(new URL('../.out/baseline-vite-cache', import.meta.url)),
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			registerType: 'prompt',
			injectRegister: false,
			strategies: 'generateSW',
			manifest: {
				name: 'Baseline',
				short_name: 'Baseline',
				start_url: '/',
				display: 'standalone',
				icons: []
			},
			workbox: {
				globPatterns: [
					'client/**/*.{js,mjs,css,html,ico,png,svg,webmanifest,json}',
					'prerendered/**/*.html'
				],
				navigateFallback: '/',
				clientsClaim: false,
				skipWaiting: false
			}
		})
	],
	build: { target: 'es2022' }
});
