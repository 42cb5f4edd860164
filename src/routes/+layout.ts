// An SPA shell: everything runs in the browser, and one prerendered page per screen is also
// the service worker's navigation fallback.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';
