/**
 * Whether a basemap style URL is one the app's Content Security Policy lets it load: an https URL
 * on one of the hosts the build allows (csp.config.js; STEDSANS_BASEMAP_HOSTS adds more). A URL
 * on any other host would be blocked by the browser, so Settings refuses it and says why.
 */
export type BasemapCheck =
	{ ok: true } | { ok: false; reason: 'not-https' } | { ok: false; reason: 'host'; host: string };

export function checkBasemapUrl(url: string, allowedHosts: readonly string[]): BasemapCheck {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return { ok: false, reason: 'not-https' };
	}
	if (parsed.protocol !== 'https:') return { ok: false, reason: 'not-https' };
	const host = parsed.host.toLowerCase();
	return allowedHosts.includes(host) ? { ok: true } : { ok: false, reason: 'host', host };
}
