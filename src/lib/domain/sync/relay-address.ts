/**
 * Whether the app may talk to a relay at an address: the Content Security Policy (a `<meta>` made
 * at build time, which cannot be loosened once a page has loaded) allows the app's own origin and
 * the origins the build lists (STEDSANS_RELAY_ORIGINS). Anything else is refused here, in words,
 * rather than failing later as a blocked request.
 */
export type RelayAddressCheck =
	{ ok: true; origin: string } | { ok: false; reason: 'invalid' | 'not-allowed'; origin?: string };

export function checkRelayAddress(
	address: string,
	appOrigin: string,
	allowed: readonly string[]
): RelayAddressCheck {
	let url: URL;
	try {
		url = new URL(address.trim());
	} catch {
		return { ok: false, reason: 'invalid' };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return { ok: false, reason: 'invalid' };
	if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username)
		return { ok: false, reason: 'invalid' };
	const origin = url.origin;
	if (origin === appOrigin || allowed.includes(origin)) return { ok: true, origin };
	return { ok: false, reason: 'not-allowed', origin };
}
