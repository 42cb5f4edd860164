/// <reference types="vite-plugin-pwa/client" />
/// <reference types="vite-plugin-pwa/info" />

declare global {
	/** package.json's version, injected at build time. */
	const __APP_VERSION__: string;
	/** The basemap hosts the Content Security Policy allows (csp.config.js), injected at build time. */
	const __BASEMAP_HOSTS__: string[];
	/** Relay origins the policy allows besides the app's own (csp.config.js), injected at build time. */
	const __RELAY_ORIGINS__: string[];
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
