/**
 * Basemap hosts whose terms allow fetching every tile of an area for offline use, with the name
 * the attribution gives them. OpenFreeMap has no usage limits and invites self-hosting and bulk
 * use (https://openfreemap.org/); a host is added here only after reading its terms.
 * OpenStreetMap's own tile servers forbid bulk download
 * (https://operations.osmfoundation.org/policies/tiles/) and are refused by name.
 */
export const DOWNLOADABLE_HOSTS: Readonly<Record<string, string>> = {
	'tiles.openfreemap.org': 'OpenFreeMap'
};

export type TermsCheck = { ok: true; name: string } | { ok: false; reason: 'terms' | 'osm' };

export function downloadTerms(url: string): TermsCheck {
	let host: string;
	try {
		host = new URL(url).host.toLowerCase();
	} catch {
		return { ok: false, reason: 'terms' };
	}
	if (host === 'openstreetmap.org' || host.endsWith('.openstreetmap.org'))
		return { ok: false, reason: 'osm' };
	const name = DOWNLOADABLE_HOSTS[host];
	return name ? { ok: true, name } : { ok: false, reason: 'terms' };
}
