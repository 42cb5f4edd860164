import { placeStops } from '$lib/domain/follow-alongs/stop-place';
import {
	PeriodTally,
	periodSummaryCsv,
	type PeriodSummary
} from '$lib/domain/follow-alongs/period-summary';
import type { CsvDialect } from '$lib/domain/export/csv-dialect';
import { copenhagenDayKey } from '$lib/domain/format/datetime';
import { isWithdrawn } from '$lib/domain/participants/participant';
import { mergeRedirects } from '$lib/domain/places/merge';
import { unpackChunks } from '$lib/domain/tracks/chunks';
import { listFollowAlongs, partsOfDays } from '$lib/db/follow-alongs.queries';
import { participantsRepo } from '$lib/db/participants.repo';
import { placesRepo } from '$lib/db/places.repo';

/** The period and the people a summary across days covers. */
export interface PeriodQuery {
	/** Copenhagen calendar days, "YYYY-MM-DD", both included; null leaves that end open. */
	from: string | null;
	to: string | null;
	/** One participant, or null for everyone (withdrawn participants are always left out). */
	participantId: string | null;
}

/** Days read at once: their tracks are let go before the next batch is read. */
const BATCH = 20;

/**
 * Time at institutions and outside, per participant and per place, over the follow-alongs that
 * started in the period. Stops are named by their glossary place (merges followed), as on the
 * day screen. Withdrawn participants are left out, as from every aggregate.
 */
export async function summarisePeriod(q: PeriodQuery, now = Date.now()): Promise<PeriodSummary> {
	const [days, participants, places] = await Promise.all([
		listFollowAlongs(),
		participantsRepo.list(),
		placesRepo.list()
	]);
	const people = new Map(participants.map((p) => [p.id, p]));
	const redirects = mergeRedirects(places);
	const byId = new Map(places.map((p) => [p.id, p]));
	const placeOf = (id: string) => byId.get(redirects.get(id) ?? id);
	const chosen = days.filter((d) => {
		const who = d.participantId ? people.get(d.participantId) : undefined;
		if (who && isWithdrawn(who)) return false;
		if (q.participantId !== null && d.participantId !== q.participantId) return false;
		const day = copenhagenDayKey(d.startedAt);
		return (q.from === null || day >= q.from) && (q.to === null || day <= q.to);
	});
	const tally = new PeriodTally();
	for (let i = 0; i < chosen.length; i += BATCH) {
		const batch = chosen.slice(i, i + BATCH);
		const parts = await partsOfDays(batch.map((d) => d.id));
		for (const d of batch) {
			const { chunks, stops } = parts.get(d.id)!;
			tally.add({
				participantId: d.participantId,
				code: d.participantId ? (people.get(d.participantId)?.code ?? '?') : '',
				track: unpackChunks(chunks),
				stops: placeStops(stops, placeOf, d.endedAt ?? now)
			});
		}
	}
	return tally.result();
}

/** The summary as a CSV file, in the standard or the Danish Excel dialect. */
export function periodSummaryFile(
	summary: PeriodSummary,
	q: PeriodQuery,
	dialect: CsvDialect,
	unnamed: string
): { filename: string; data: string; type: string } {
	const span = [q.from ?? 'start', q.to ?? 'end'].join('_');
	const suffix = dialect === 'excel-da' ? '-excel-da' : '';
	return {
		filename: `follow-along-summary-${span}${suffix}.csv`,
		data: periodSummaryCsv(summary, dialect, unnamed),
		type: 'text/csv;charset=utf-8'
	};
}
