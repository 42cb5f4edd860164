// The same SPA shell as the app: no server rendering, one prerendered page.
export const ssr = false;
export const prerender = true;
