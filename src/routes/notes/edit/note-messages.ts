import { m } from '$lib/paraglide/messages.js';
import type { ConsentProblem } from '$lib/domain/notes/consent';
import { cellEdgeMetres, type CellLocation } from '$lib/domain/geo/cells';
import { neighbourhoodAt, type Outlines } from '$lib/domain/neighbourhoods';
import { neighbourhoodName } from '$lib/i18n/neighbourhood-names';

export function consentMessage(problems: ConsentProblem[]): string {
	return problems
		.map((p) =>
			p.kind === 'withdrawn'
				? m.consentWithdrawn({ code: p.code })
				: p.allowed === 'none'
					? m.consentNoLocation()
					: m.consentNeighbourhoodOnly()
		)
		.join(' ');
}

/** Where a note's cell is, in words: its size and the neighbourhood it falls in (or none). */
export function cellWhere(
	location: CellLocation,
	outlines: Outlines
): { edge: number; neighbourhood: string | null } {
	const key = neighbourhoodAt(location.lon, location.lat, outlines);
	return {
		edge: Math.round(cellEdgeMetres(location.resolution)),
		neighbourhood: key && neighbourhoodName(key)
	};
}

export function locationSentence(location: CellLocation, outlines: Outlines): string {
	const { edge, neighbourhood } = cellWhere(location, outlines);
	return neighbourhood
		? m.locationCellIn({ edge, neighbourhood })
		: m.locationCellOutside({ edge });
}

export function locationChipText(location: CellLocation, outlines: Outlines): string {
	const { neighbourhood } = cellWhere(location, outlines);
	return neighbourhood ? m.locationChipIn({ neighbourhood }) : m.locationChipOutside();
}
