import { fold } from '../text/fold';
import { GAP_BEFORE, SOURCE_CODE, SOURCE_MASK } from './fix';
import { haversine } from './geo';
import type { StopSpan } from './stops';
import { TrackTimeline } from './timeline';
import type { Track } from './track';

/** A stop as the summary needs it: its span and, when known, its place. */
export interface PlaceStop extends StopSpan {
	/** The glossary place's id. */
	placeKey?: string | null;
	/** The participant's own name for the place (or the glossary name). */
	placeLabel?: string | null;
	/** An institution (consumption room, shelter, job centre…), not everyday life outside. */
	institution?: boolean;
	/** The participant's own name, shown beside a glossary name that differs from it. */
	ownName?: string | null;
}

export interface PlaceTime {
	/** The glossary place's id, or null for stops grouped by label or not placed at all. */
	key: string | null;
	/** The first label seen for the place, or null for unnamed stops. */
	label: string | null;
	ms: number;
	visits: number;
	institution: boolean;
	/** The participant's own names for the place, where they differ from its label. */
	ownNames: string[];
}

export interface DaySummary {
	start: number;
	end: number;
	durationMs: number;
	/** Metres moved; steps inside stops (GPS jitter) and across gaps are not counted. */
	distanceM: number;
	movingMs: number;
	/** The same, apart: recorded (GPS, imported) and reconstructed (sketched by the researcher). */
	recorded: { distanceM: number; movingMs: number };
	reconstructed: { distanceM: number; movingMs: number };
	stoppedMs: number;
	/** Time without fixes outside any stop: unknown, counted neither inside nor outside. */
	gapMs: number;
	/** Time per place, longest first. */
	perPlace: PlaceTime[];
	institutionMs: number;
	/** Known time not at an institution: moving plus stops elsewhere. */
	outsideMs: number;
}

export function summariseDay(track: Track, stops: readonly PlaceStop[]): DaySummary {
	const timeline = new TrackTimeline(track, stops);
	let movingMs = 0;
	let sketchedMs = 0;
	let stoppedMs = 0;
	let gapMs = 0;
	let institutionMs = 0;
	const places = new Map<string, PlaceTime>();
	const visited = new Set<number>();
	for (const seg of timeline.segments) {
		const ms = seg.to - seg.from;
		if (seg.kind === 'move') {
			movingMs += ms;
			if (seg.reconstructed) sketchedMs += ms;
		} else if (seg.kind === 'gap') gapMs += ms;
		else {
			stoppedMs += ms;
			const stop = stops[seg.stop]!;
			if (stop.institution) institutionMs += ms;
			const key = stop.placeKey ?? null;
			const label = stop.placeLabel?.trim() || null;
			// A stop without a glossary place is grouped by its label, folded so "the stairs" and
			// "The Stairs" are one place.
			const group = key !== null ? `k:${key}` : label !== null ? `l:${fold(label)}` : '-';
			let place = places.get(group);
			if (!place) {
				place = { key, label, ms: 0, visits: 0, institution: false, ownNames: [] };
				places.set(group, place);
			}
			place.ms += ms;
			place.label ??= label;
			const own = stop.ownName?.trim();
			if (own && fold(own) !== fold(place.label ?? '') && !place.ownNames.includes(own))
				place.ownNames.push(own);
			place.institution ||= stop.institution === true;
			if (!visited.has(seg.stop)) {
				visited.add(seg.stop);
				place.visits++;
			}
		}
	}
	const distance = movingDistanceBySource(track, stops);
	return {
		start: timeline.start,
		end: timeline.end,
		durationMs: timeline.end - timeline.start,
		distanceM: distance.recorded + distance.reconstructed,
		movingMs,
		recorded: { distanceM: distance.recorded, movingMs: movingMs - sketchedMs },
		reconstructed: { distanceM: distance.reconstructed, movingMs: sketchedMs },
		stoppedMs,
		gapMs,
		perPlace: [...places.values()].sort((a, b) => b.ms - a.ms),
		institutionMs,
		outsideMs: movingMs + stoppedMs - institutionMs
	};
}

/**
 * Sum of fix-to-fix distances, leaving out steps across a gap and steps whose midpoint falls in
 * a stop: at a standstill, GPS jitter alone adds kilometres over an hour.
 */
export function movingDistance(track: Track, stops: readonly StopSpan[]): number {
	const { recorded, reconstructed } = movingDistanceBySource(track, stops);
	return recorded + reconstructed;
}

const REC = SOURCE_CODE.reconstructed;

/**
 * `movingDistance`, recorded and reconstructed apart: a step is reconstructed when either of its
 * fixes was drawn (as the map draws it), so a guess never passes for a measurement.
 */
export function movingDistanceBySource(
	track: Track,
	stops: readonly StopSpan[]
): { recorded: number; reconstructed: number } {
	const spans = [...stops].sort((a, b) => a.arrivedAt - b.arrivedAt);
	const { count, t, lat, lon, src } = track;
	let k = 0;
	let recorded = 0;
	let reconstructed = 0;
	for (let i = 1; i < count; i++) {
		if (src[i]! & GAP_BEFORE) continue;
		const mid = (t[i - 1]! + t[i]!) / 2;
		while (k < spans.length && spans[k]!.departedAt < mid) k++;
		const span = spans[k];
		if (span && span.arrivedAt <= mid) continue;
		const d = haversine(lat[i - 1]!, lon[i - 1]!, lat[i]!, lon[i]!);
		if ((src[i]! & SOURCE_MASK) === REC || (src[i - 1]! & SOURCE_MASK) === REC) reconstructed += d;
		else recorded += d;
	}
	return { recorded, reconstructed };
}
