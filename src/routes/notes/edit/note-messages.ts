import { m } from '$lib/paraglide/messages.js';
import type { ConsentProblem } from '$lib/domain/notes/consent';

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
