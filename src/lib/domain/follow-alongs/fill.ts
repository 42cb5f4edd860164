import { GAP_BEFORE } from '$lib/domain/tracks/fix';
import { createTrack, partStarts, type Track } from '$lib/domain/tracks/track';

/**
 * A recorded day filled in from an imported track (a phone's GPS logger that kept going while
 * the app could not): imported fixes are added only where the recording has no fixes, that is
 * before it, after it and inside its gaps; where both have fixes, the recording wins. Every
 * switch from one source to the other starts a new part (a gap), so no line is drawn between
 * two devices' positions. Both tracks are in time order; so is the result.
 */
export function fillTrack(recorded: Track, imported: Track): Track {
	if (recorded.count === 0) return imported;
	const spans = coveredSpans(recorded);
	const keep = new Uint8Array(imported.count);
	let kept = 0;
	for (let i = 0, k = 0; i < imported.count; i++) {
		const t = imported.t[i]!;
		while (k < spans.length && spans[k]![1] < t) k++;
		const span = spans[k];
		if (span && span[0] <= t) continue;
		keep[i] = 1;
		kept++;
	}
	const out = createTrack(recorded.count + kept);
	let r = 0;
	let m = 0;
	let prevSource = -1;
	for (let n = 0; n < out.count; n++) {
		while (m < imported.count && !keep[m]) m++;
		const fromImport =
			r >= recorded.count || (m < imported.count && imported.t[m]! < recorded.t[r]!);
		const src = fromImport ? imported : recorded;
		const i = fromImport ? m++ : r++;
		out.t[n] = src.t[i]!;
		out.lat[n] = src.lat[i]!;
		out.lon[n] = src.lon[i]!;
		out.acc[n] = src.acc[i]!;
		const source = fromImport ? 1 : 0;
		const gap = n > 0 && (prevSource !== source || (src.src[i]! & GAP_BEFORE) !== 0);
		out.src[n] = (src.src[i]! & ~GAP_BEFORE) | (gap ? GAP_BEFORE : 0);
		prevSource = source;
	}
	return out;
}

/** The time spans the recording covers: one per part between gaps, as [first, last] fix time. */
function coveredSpans(track: Track): [number, number][] {
	const starts = partStarts(track);
	const spans: [number, number][] = [];
	for (let p = 0; p < starts.length; p++) {
		const from = starts[p]!;
		const to = (starts[p + 1] ?? track.count) - 1;
		spans.push([track.t[from]!, track.t[to]!]);
	}
	return spans;
}
