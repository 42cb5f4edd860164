import { m } from '$lib/paraglide/messages.js';
import type { BoundaryCandidate, BoundaryProblem } from '$lib/domain/neighbourhoods';

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
	}
}

/** The municipality's files carry its neighbourhood numbers; its licence asks for this line. */
export function guessAttribution(candidates: BoundaryCandidate[]): string {
	return candidates.some((c) => 'kvarternr' in c.properties || 'bydel_nr' in c.properties)
		? KK_ATTRIBUTION
		: '';
}
