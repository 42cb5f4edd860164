import { m } from '$lib/paraglide/messages.js';
import { formatDistance, formatDuration } from '$lib/domain/follow-alongs/format';
import { intlLocale, type AppLocale } from '$lib/domain/format/datetime';
import type { FileOutcome } from '$lib/features/follow-alongs/gpx-import-run.svelte';
import type { ImportResult } from '$lib/features/follow-alongs/gpx-import.service';
import { describeFollowAlongError, gpxProblemMessage } from './follow-along-labels';

/** "Imported 206 points: 0:15:48, 3.1 km moved between stops." — the day's own distance. */
export function importedText(r: ImportResult, locale: AppLocale): string {
	return m.deskGpxImported({
		count: r.pointCount,
		duration: formatDuration(r.durationMs),
		distance: formatDistance(r.movedM, intlLocale(locale))
	});
}

/** What else the user should know of an import: waypoints, trimming, the time zone. */
export function importNotes(r: ImportResult): string[] {
	const notes: string[] = [];
	if (r.waypoints.offered) notes.push(m.deskWaypointsOffered({ count: r.waypoints.offered }));
	if (r.waypoints.leftOut) notes.push(m.deskWaypointsLeftOut({ count: r.waypoints.leftOut }));
	if (r.trimmed) notes.push(m.deskTrimmed({ count: r.trimmed }));
	if (r.outsideFieldArea) notes.push(m.deskTimesCopenhagen());
	return notes;
}

/** One file's line in the summary of a several-file import. */
export function fileOutcomeText(o: FileOutcome, locale: AppLocale): string {
	if (o.ok) return [importedText(o.result, locale), ...importNotes(o.result)].join(' ');
	if ('error' in o) return describeFollowAlongError(o.error);
	if (o.cancelled) return m.deskImportCancelled();
	return gpxProblemMessage(o.problem);
}
