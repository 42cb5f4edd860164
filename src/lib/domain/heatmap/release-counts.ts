import { countBand, shareBand } from './bands';
import type { ReleasedCounts } from './release-schema';
import type { Statement } from './release-consistency';
import type { DisclosureReport, EvidenceCell } from './schema';

/*
 * The released report's counts. Cells shown are exact (the map shows them anyway), and so are the
 * cells left out as institutions (they follow from the glossary, not from anyone's data); every
 * count about people, days and held-back cells is given in a band, so that two reports do not
 * subtract to one person's days ("days 6 → 4").
 */

export function releasedCounts(input: {
	report: DisclosureReport;
	statements: ReadonlyMap<string, Statement>;
	current: ReadonlyMap<string, EvidenceCell>;
	subtraction: ReadonlySet<string>;
	institutionCells: number;
	personDays: number;
}): ReleasedCounts {
	const { report: r, statements, current } = input;
	const held = { k: 0, days: 0, dominance: 0, subtraction: 0, kept: 0 };
	let shown = 0;
	for (const [cell, s] of statements) {
		if (s.band) shown++;
		else if (input.subtraction.has(cell)) held.subtraction++;
		else if (s.kept) held.kept++;
		else {
			const why = current.get(cell)?.held;
			if (why) held[why]++;
		}
	}
	return {
		cellsShown: shown,
		heldBack: {
			k: countBand(held.k),
			days: countBand(held.days),
			dominance: countBand(held.dominance),
			subtraction: countBand(held.subtraction),
			kept: countBand(held.kept)
		},
		institutionCells: input.institutionCells,
		participants: countBand(r.participantsIncluded),
		personDays: countBand(input.personDays),
		calendarDays: countBand(r.daysIncluded),
		smallestK: r.smallestK === null ? null : countBand(r.smallestK),
		institutionSharePercent: shareBand(r.institutionShare),
		leftOut: {
			noConsent: countBand(r.participantsExcluded.noConsent),
			withdrawn: countBand(r.participantsExcluded.withdrawn)
		},
		reconstructedMinutes: countBand(r.reconstructedMinutesLeftOut),
		bySource: Object.fromEntries(
			Object.entries(r.participantsBySource).map(([s, n]) => [s, countBand(n)])
		)
	};
}
