import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { cspDirectives } from './csp.config.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		// The PWA plugin registers its own Workbox service worker.
		serviceWorker: { register: false },
		version: { pollInterval: 0 },
		// A strict policy in a <meta> of every prerendered page; see csp.config.js.
		csp: { mode: 'hash', directives: cspDirectives() }
	}
};

export default config;
