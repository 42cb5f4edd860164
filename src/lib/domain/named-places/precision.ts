import type { CellResolution } from '../geo/cell-schema';
import type { LocationConsent } from '../participants/participant';

/**
 * The finest grid a participant's named cells may be snapped to. Consent to cells: the
 * workspace's cell resolution (the one notes are snapped to). Consent to the neighbourhood only:
 * resolution 7 (≈1.4 km edge, about a neighbourhood's width), which says no more than the
 * neighbourhood. No consent to any location: no cell at all (a glossary place may still be named,
 * being a public place of the glossary, not a position of the person).
 */
export function namedCellResolution(
	consent: LocationConsent,
	workspaceResolution: CellResolution
): CellResolution | null {
	if (consent === 'cell') return workspaceResolution;
	if (consent === 'neighbourhood') return 7;
	return null;
}
