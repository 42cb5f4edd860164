// The Content Security Policy of the built app, and the basemap hosts it allows. Read by
// svelte.config.js (kit.csp: a <meta http-equiv> in every prerendered page, with hashes of
// SvelteKit's inline start-up script) and by vite.config.ts (the same hosts, so Settings can refuse
// a basemap the policy would block). Why each source is there: docs/security.md, "No leaks".

/** The default basemap (OpenFreeMap's Liberty style) serves style, tiles, sprites and glyphs here. */
export const DEFAULT_BASEMAP_HOSTS = ['tiles.openfreemap.org'];

/**
 * The basemap hosts this build allows: the default, plus any in STEDSANS_BASEMAP_HOSTS
 * (comma-separated host names, e.g. "tiles.example.org,fonts.example.org") for a deployment
 * that uses another basemap.
 */
export function basemapHosts(env = process.env) {
	const extra = (env.STEDSANS_BASEMAP_HOSTS ?? '')
		.split(',')
		.map((h) => h.trim().toLowerCase())
		.filter(Boolean);
	for (const h of extra)
		if (!/^[a-z0-9.-]+(:\d+)?$/.test(h))
			throw new Error(`STEDSANS_BASEMAP_HOSTS: "${h}" is not a host name`);
	return [...new Set([...DEFAULT_BASEMAP_HOSTS, ...extra])];
}

/**
 * Team relays this build may reach besides its own origin: STEDSANS_RELAY_ORIGINS, comma-separated
 * origins ("https://relay.example.org"). None by default: a relay that serves the app itself
 * (`npm run server -- --app build`) is the app's own origin, 'self'. Settings → Team sync refuses
 * any other address, so the policy is never loosened at run time (docs/team-sync.md).
 */
export function relayOrigins(env = process.env) {
	const list = (env.STEDSANS_RELAY_ORIGINS ?? '')
		.split(',')
		.map((o) => o.trim().toLowerCase().replace(/\/+$/, ''))
		.filter(Boolean);
	for (const o of list)
		if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/.test(o))
			throw new Error(`STEDSANS_RELAY_ORIGINS: "${o}" is not an https origin`);
	return [...new Set(list)];
}

/** kit.csp directives (SvelteKit adds the script hashes). */
export function cspDirectives(hosts = basemapHosts(), relays = relayOrigins()) {
	const basemap = hosts.map((h) => `https://${h}`);
	return {
		'default-src': ['self'],
		// hash-wasm's Argon2id is WebAssembly: compiling it needs 'wasm-unsafe-eval' (not 'unsafe-eval').
		'script-src': ['self', 'wasm-unsafe-eval'],
		// The GPX worker, MapLibre's worker (a file of the build) and the service worker.
		'worker-src': ['self'],
		'connect-src': ['self', ...basemap, ...relays],
		// MapLibre draws tiles and sprites from blob: and data: images it makes itself.
		'img-src': ['self', 'data:', 'blob:'],
		// Stylesheets only from the app's own files. Inline style *attributes* are allowed: the
		// SvelteKit shell and Svelte's style bindings set them (positions, sizes, transforms). An
		// attribute cannot run script or load anything (img-src and connect-src still apply).
		'style-src': ['self'],
		'style-src-attr': ['unsafe-inline'],
		'font-src': ['self'],
		'manifest-src': ['self'],
		'media-src': ['none'],
		'object-src': ['none'],
		'frame-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	};
}
