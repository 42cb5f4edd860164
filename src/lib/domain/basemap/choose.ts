import { contains, type Bbox } from './tiles';

export type BasemapChoice = 'archive' | 'online' | 'fallback';

export interface BasemapSituation {
	/** The stored offline map's bounds, or null when none is stored. */
	archive: Bbox | null;
	/** What the map shows now (null before the first frame). */
	view: Bbox | null;
	online: boolean;
	/** The configured online basemap is one the Content Security Policy allows. */
	onlineAllowed: boolean;
	/** Settings: the online map may be used where the offline map does not reach. */
	outsideAllowed: boolean;
}

/**
 * Which basemap a map screen draws. A stored offline map is drawn wherever it covers the view,
 * online or not, so no tile request leaves the device; only where the view leaves it, with the
 * setting on and a connection, is the online basemap asked.
 */
export function chooseBasemap(s: BasemapSituation): BasemapChoice {
	const online = s.online && s.onlineAllowed;
	if (!s.archive) return online ? 'online' : 'fallback';
	if (!s.outsideAllowed || !online || !s.view) return 'archive';
	return contains(s.archive, s.view) ? 'archive' : 'online';
}
