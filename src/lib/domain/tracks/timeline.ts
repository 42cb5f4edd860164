import { GAP_BEFORE, SOURCE_CODE, SOURCE_MASK } from './fix';
import type { StopSpan } from './stops';
import { indexAtOrAfter, indexAtOrBefore, partStarts, type Track } from './track';

/**
 * The day as a strip of segments for replay: stops as blocks, moving as lines, gaps as gaps.
 * - `move`: between fixes; `fromIndex`…`toIndex` are the fixes inside it (inclusive), and
 *   `reconstructed` marks a sketched stretch, drawn differently from a recorded one.
 * - `stop`: `stop` is the index into the stops given. A stop covers any short gap inside it: the
 *   participant was at the same place before and after.
 * - `gap`: no fixes; nothing is drawn, the marker waits at the last fix before it.
 */
export type TimelineSegment =
	| {
			kind: 'move';
			from: number;
			to: number;
			fromIndex: number;
			toIndex: number;
			reconstructed: boolean;
	  }
	| { kind: 'stop'; from: number; to: number; stop: number }
	| { kind: 'gap'; from: number; to: number };

/** Where the marker is at a moment of replay. */
export interface ReplayPosition {
	lat: number;
	lon: number;
	/** The last fix at or before the moment. */
	index: number;
	/** True inside a gap: the position is the last fix before it, not an interpolation. */
	inGap: boolean;
	reconstructed: boolean;
}

const REC = SOURCE_CODE.reconstructed;

/**
 * A track prepared for replay: segments, and lookups by time that cost O(log n), so a frame can
 * ask for the position and trail at 60 Hz over a 50,000-fix day.
 */
export class TrackTimeline {
	readonly track: Track;
	readonly segments: readonly TimelineSegment[];
	/** First and last moment of the day (fixes and stops). */
	readonly start: number;
	readonly end: number;
	readonly #parts: Int32Array;

	constructor(track: Track, stops: readonly StopSpan[] = []) {
		this.track = track;
		this.#parts = partStarts(track);
		this.segments = buildSegments(track, stops);
		this.start = this.segments[0]?.from ?? track.t[0] ?? 0;
		this.end = this.segments[this.segments.length - 1]?.to ?? track.t[track.count - 1] ?? 0;
	}

	/** Index of the last fix at or before `t`, or -1 before the first. */
	indexAt(t: number): number {
		return indexAtOrBefore(this.track, t);
	}

	/** The marker at `t`, interpolated between fixes but never across a gap; null outside. */
	positionAt(t: number): ReplayPosition | null {
		const { track } = this;
		const i = indexAtOrBefore(track, t);
		if (i < 0 || (i === track.count - 1 && t > track.t[i]!)) return null;
		const lat0 = track.lat[i]!;
		const lon0 = track.lon[i]!;
		const recHere = (track.src[i]! & SOURCE_MASK) === REC;
		if (i === track.count - 1 || t === track.t[i]) {
			return { lat: lat0, lon: lon0, index: i, inGap: false, reconstructed: recHere };
		}
		const next = track.src[i + 1]!;
		if (next & GAP_BEFORE) {
			return { lat: lat0, lon: lon0, index: i, inGap: true, reconstructed: recHere };
		}
		const t0 = track.t[i]!;
		const f = (t - t0) / (track.t[i + 1]! - t0);
		return {
			lat: lat0 + (track.lat[i + 1]! - lat0) * f,
			lon: lon0 + (track.lon[i + 1]! - lon0) * f,
			index: i,
			inGap: false,
			reconstructed: recHere || (next & SOURCE_MASK) === REC
		};
	}

	/**
	 * Fixes `[from, to)` for a trail fading out over the last `trailMs` before `t`. The trail
	 * starts no earlier than the part the last fix belongs to, so it never crosses a gap.
	 */
	trailRange(t: number, trailMs: number): { from: number; to: number } {
		const last = indexAtOrBefore(this.track, t);
		if (last < 0) return { from: 0, to: 0 };
		const from = Math.max(indexAtOrAfter(this.track, t - trailMs), this.#partStart(last));
		return { from: Math.min(from, last + 1), to: last + 1 };
	}

	/** The segment at `t` (the later one at a boundary), or undefined outside the day. */
	segmentAt(t: number): TimelineSegment | undefined {
		const segs = this.segments;
		let lo = 0;
		let hi = segs.length - 1;
		let found = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >>> 1;
			if (segs[mid]!.from <= t) {
				found = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		const seg = segs[found];
		return seg && t <= seg.to ? seg : undefined;
	}

	#partStart(i: number): number {
		const parts = this.#parts;
		let lo = 0;
		let hi = parts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >>> 1;
			if (parts[mid]! <= i) lo = mid;
			else hi = mid - 1;
		}
		return parts[lo] ?? 0;
	}
}

type Base = { kind: 'move' | 'gap'; from: number; to: number; reconstructed: boolean };

/** Runs of fix-to-fix steps of the same kind; a step touching a sketched fix is sketched. */
function baseRuns(track: Track): Base[] {
	const { count, t, src } = track;
	const runs: Base[] = [];
	for (let i = 1; i < count; i++) {
		const gap = (src[i]! & GAP_BEFORE) !== 0;
		const rec = !gap && ((src[i]! & SOURCE_MASK) === REC || (src[i - 1]! & SOURCE_MASK) === REC);
		const kind = gap ? 'gap' : 'move';
		const prev = runs[runs.length - 1];
		if (prev && prev.kind === kind && prev.reconstructed === rec) prev.to = t[i]!;
		else runs.push({ kind, from: t[i - 1]!, to: t[i]!, reconstructed: rec });
	}
	return runs;
}

function buildSegments(track: Track, stopList: readonly StopSpan[]): TimelineSegment[] {
	const runs = baseRuns(track);
	const stops = stopList
		.map((s, index) => ({ from: s.arrivedAt, to: s.departedAt, index }))
		.filter((s) => s.to > s.from)
		.sort((a, b) => a.from - b.from);
	// Every moment where something changes; between two of them the kind is constant.
	const cuts = new Set<number>();
	for (const r of runs) cuts.add(r.from).add(r.to);
	for (const s of stops) cuts.add(s.from).add(s.to);
	const times = [...cuts].sort((a, b) => a - b);
	const out: TimelineSegment[] = [];
	let ri = 0;
	let si = 0;
	for (let k = 0; k + 1 < times.length; k++) {
		const from = times[k]!;
		const to = times[k + 1]!;
		while (ri < runs.length && runs[ri]!.to <= from) ri++;
		while (si < stops.length && stops[si]!.to <= from) si++;
		const stop = stops[si];
		const run = runs[ri];
		let seg: TimelineSegment;
		if (stop && stop.from <= from) seg = { kind: 'stop', from, to, stop: stop.index };
		else if (run && run.from <= from && run.kind === 'move')
			seg = { kind: 'move', from, to, fromIndex: 0, toIndex: 0, reconstructed: run.reconstructed };
		else seg = { kind: 'gap', from, to };
		const prev = out[out.length - 1];
		if (prev && sameKind(prev, seg)) prev.to = to;
		else out.push(seg);
	}
	for (const seg of out) {
		if (seg.kind !== 'move') continue;
		seg.fromIndex = indexAtOrAfter(track, seg.from);
		seg.toIndex = indexAtOrBefore(track, seg.to);
	}
	return out;
}

function sameKind(a: TimelineSegment, b: TimelineSegment): boolean {
	if (a.kind === 'stop' && b.kind === 'stop') return a.stop === b.stop;
	if (a.kind === 'move' && b.kind === 'move') return a.reconstructed === b.reconstructed;
	return a.kind === 'gap' && b.kind === 'gap';
}
