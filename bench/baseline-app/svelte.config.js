import adapter from '@sveltejs/adapter-static';
import { fileURLToPath } from 'node:url';

// The build goes where the bench script says (a temporary directory); SvelteKit's own files stay
// in .svelte-kit here (ignored), where its prerendering step finds the root's node_modules.
const out =
	process.env.BASELINE_OUT ?? fileURLToPath(new URL('../.out/baseline-build', import.meta.url));

/** @type {import('@sveltejs/kit').Config} */
export default {
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true }),
		serviceWorker: { register: false },
		version: { pollInterval: 0 }
	}
};
