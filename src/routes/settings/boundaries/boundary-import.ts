import { m } from '$lib/paraglide/messages.js';
import {
	MAX_FILE_KM2,
	MAX_GRID_CELLS,
	MAX_OUTLINE_KM2,
	MAX_PARTS,
	type BoundaryCandidate,
	type BoundaryProblem
} from '$lib/domain/neighbourhoods';
import { intlLocale } from '$lib/domain/format/datetime';
import { locale } from '$lib/features/app/locale.svelte';

const number = (n: number, digits = 0) =>
	new Intl.NumberFormat(intlLocale(locale.current), { maximumFractionDigits: digits }).format(n);

export const KK_ATTRIBUTION = 'Kort-/geodata: Københavns Kommune (CC BY 4.0)';

export function boundaryProblemText(p: BoundaryProblem): string {
	switch (p.kind) {
		case 'too-large':
			return m.boundaryTooLarge();
		case 'not-json':
			return m.boundaryNotJson({ detail: p.detail });
		case 'not-feature-collection':
			return m.boundaryNotCollection({ detail: p.detail });
		case 'no-areas':
			return m.boundaryNoAreas();
		case 'too-many-parts':
			return m.boundaryTooManyParts({ parts: number(p.parts), max: number(MAX_PARTS) });
		case 'outline-too-large':
			return m.boundaryOutlineTooLarge({
				label: p.label,
				km2: number(p.km2, 1),
				max: number(MAX_OUTLINE_KM2)
			});
		case 'outlines-too-large':
			return m.boundaryOutlinesTooLarge({ km2: number(p.km2, 1), max: number(MAX_FILE_KM2) });
		case 'too-many-cells':
			return m.boundaryTooManyCells({ cells: number(p.cells), max: number(MAX_GRID_CELLS) });
	}
}

/** The municipality's files carry its neighbourhood numbers; its licence asks for this line. */
export function guessAttribution(candidates: BoundaryCandidate[]): string {
	return candidates.some((c) => 'kvarternr' in c.properties || 'bydel_nr' in c.properties)
		? KK_ATTRIBUTION
		: '';
}
