import { GAP_BEFORE } from '$lib/domain/tracks/fix';
import type { Track } from '$lib/domain/tracks/track';
import type { Gap } from './follow-along';

/** The gaps a track's flags mark, each from the fix before it to the fix after it. */
export function gapsOf(track: Track, reason: Gap['reason']): Gap[] {
	const gaps: Gap[] = [];
	for (let i = 1; i < track.count; i++) {
		if (track.src[i]! & GAP_BEFORE) gaps.push({ from: track.t[i - 1]!, to: track.t[i]!, reason });
	}
	return gaps;
}
