import { DayIndex } from './days';
import type { Contributions } from './contributions';
import { cellAt, resolveMixed, type CellGrid } from './grid';
import { BIN_IN, BIN_OUT, insideBuffer, type InstitutionIndex } from './institutions';
import { mergeIntervals, overlap, type Intervals } from './intervals';
import {
	FIX_GAP_BEFORE,
	FIX_SOURCE,
	FIX_SOURCE_MASK,
	type HeatmapStop,
	type TrackColumns
} from './schema';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Shared state of the follow-along stage; scratch columns are reused across tracks. */
export interface TrackStage {
	grid: CellGrid;
	inst: InstitutionIndex;
	days: DayIndex;
	contrib: Contributions;
	marginMs: number;
	maxGapMs: number;
	includeReconstructed: boolean;
	/** False for the notes metric: tracks then only supply the institution cut windows. */
	countTime: boolean;
	/** Cut windows per participant, for notes taken around an institution visit. */
	cuts: Map<number, Intervals>;
	cellOf: Int32Array;
}

/** One follow-along: its fixes (if any) and its stops, for the included participant p. */
export function processFollowAlong(
	st: TrackStage,
	p: number,
	track: TrackColumns | null,
	stops: readonly HeatmapStop[]
): void {
	const visits: Intervals = track ? locateFixes(st, track) : [];
	const stopCells: number[] = [];
	const dwell: Intervals = [];
	const { proj } = st.grid;
	for (const s of stops) {
		stopCells.push(cellAt(st.grid, s.lat, s.lon));
		dwell.push(s.arrivedAt, s.departedAt);
		if (insideBuffer(st.inst, (s.lon - proj.lon0) * proj.mx, (s.lat - proj.lat0) * proj.my))
			visits.push(s.arrivedAt - st.marginMs, s.departedAt + st.marginMs);
	}
	const cut = mergeIntervals(visits);
	if (cut.length > 0) {
		const list = st.cuts.get(p);
		if (list) list.push(...cut);
		else st.cuts.set(p, cut);
	}
	if (!st.countTime) return;
	const stopTimes = mergeIntervals(dwell);
	if (track) routeTime(st, p, track, stopTimes, mergeIntervals(cut, stopTimes));
	stops.forEach((s, i) => dwellTime(st, p, stopCells[i]!, s.arrivedAt, s.departedAt, cut));
}

/**
 * First pass: the cell of every fix and whether it lies in an institution's buffer, both from
 * the bins (a few fixes near an edge are resolved exactly). Returns the visits, each widened by
 * the margin: "from 5 minutes before entering to 5 minutes after leaving" (docs/product.md).
 */
function locateFixes(st: TrackStage, tr: TrackColumns): Intervals {
	const { t, lat, lon } = tr;
	const n = t.length;
	if (lat.length !== n || lon.length !== n || tr.src.length !== n)
		throw new Error(`follow-along ${tr.followAlongId}: columns differ in length`);
	if (st.cellOf.length < n) st.cellOf = new Int32Array(Math.ceil(n * 1.5));
	const { cellOf, grid: g, inst } = st;
	const { lat0, lon0, mx, my } = g.proj;
	const { binCell, width, height } = g;
	const bins = inst.bins;
	const perBin = 1 / g.binSize;
	const anyInstitution = inst.cores.length > 0;
	// Imports as locals: under Vitest every imported name is a getter on a module object.
	const [mixed, inBuffer, OUT, IN] = [resolveMixed, insideBuffer, BIN_OUT, BIN_IN];
	const visits: Intervals = [];
	let inVisit = false;
	let start = 0;
	let last = -Infinity;
	for (let i = 0; i < n; i++) {
		const ti = t[i]!;
		if (!(ti >= last))
			throw new Error(`follow-along ${tr.followAlongId}: fix times out of order or not numbers`);
		last = ti;
		const x = (lon[i]! - lon0) * mx;
		const y = (lat[i]! - lat0) * my;
		const bx = x * perBin;
		const by = y * perBin;
		let cell = -1;
		let inside = 0;
		if (bx >= 0 && bx < width && by >= 0 && by < height) {
			const b = (by | 0) * width + (bx | 0);
			const v = binCell[b]!;
			cell = v >= 0 ? v - 1 : mixed(g, v, x, y, lat[i]!, lon[i]!);
			const f = bins[b]!;
			inside = f === OUT ? 0 : f === IN ? 1 : +inBuffer(inst, x, y);
		} else if (anyInstitution) inside = +inBuffer(inst, x, y);
		cellOf[i] = cell;
		if (inside === 1 && !inVisit) {
			inVisit = true;
			start = ti;
		} else if (inside === 0 && inVisit) {
			inVisit = false;
			visits.push(start - st.marginMs, t[i - 1]! + st.marginMs);
		}
	}
	if (inVisit) visits.push(start - st.marginMs, t[n - 1]! + st.marginMs);
	return visits;
}

/**
 * Second pass: each fix stands for the time from halfway after the previous fix to halfway before
 * the next, unless a gap (in gapAfter, FIX_GAP_BEFORE, or longer than maxGap) lies between: then
 * nothing is assumed.
 * Time during a stop is the stop's dwell, not route; time in a cut window is left out. Runs of
 * fixes in one cell on one day are summed before they are added (a cell holds dozens of fixes).
 */
function routeTime(
	st: TrackStage,
	p: number,
	tr: TrackColumns,
	stopTimes: Intervals,
	excluded: Intervals
): void {
	const { t, src } = tr;
	const n = t.length;
	const gaps = tr.gapAfter ?? [];
	const { cellOf, contrib, days, maxGapMs } = st;
	const skipReconstructed = !st.includeReconstructed;
	const [RECONSTRUCTED, GAP, MASK] = [FIX_SOURCE.reconstructed, FIX_GAP_BEFORE, FIX_SOURCE_MASK];
	const [nStop, nExcl] = [stopTimes.length, excluded.length];
	let [si, ei, g] = [0, 0, 0];
	let nextGap = gaps.length > 0 ? gaps[0]! : -1;
	let hourStart = Infinity;
	let hourEnd = -Infinity;
	let day = -1;
	let runCell = -1;
	let runDay = -1;
	let runRaw = 0;
	let runKept = 0;
	let a = n > 0 ? t[0]! : 0;
	for (let k = 0; k < n; k++) {
		const tk = t[k]!;
		while (nextGap !== -1 && nextGap < k) nextGap = ++g < gaps.length ? gaps[g]! : -1;
		let b = tk;
		let next = tk;
		if (k + 1 < n) {
			next = t[k + 1]!;
			const dt = next - tk;
			if (dt > 0 && dt <= maxGapMs && nextGap !== k && (src[k + 1]! & GAP) === 0) b = tk + dt * 0.5;
		}
		const from = a;
		a = b > tk ? b : next;
		const c = cellOf[k]!;
		if (c < 0 || b <= from) continue;
		let raw = b - from;
		let kept = raw;
		if (nStop > 0) {
			while (si < nStop && stopTimes[si + 1]! <= from) si += 2;
			if (si < nStop && stopTimes[si]! < b) {
				if (stopTimes[si]! <= from && b <= stopTimes[si + 1]!) continue; // wholly in a stop
				raw -= overlapFrom(stopTimes, si, from, b);
			}
		}
		if (skipReconstructed && (src[k]! & MASK) === RECONSTRUCTED) {
			contrib.reconstructed[c]! += raw / MINUTE;
			continue;
		}
		if (nExcl > 0) {
			while (ei < nExcl && excluded[ei + 1]! <= from) ei += 2;
			if (ei < nExcl && excluded[ei]! < b) kept -= overlapFrom(excluded, ei, from, b);
		}
		if (tk >= hourEnd || tk < hourStart) {
			hourStart = Math.floor(tk / HOUR) * HOUR;
			hourEnd = hourStart + HOUR;
			day = days.of(tk);
		}
		if (c !== runCell || day !== runDay) {
			if (runCell >= 0) addRun(contrib, runCell, p, runDay, runRaw, runKept);
			[runCell, runDay, runRaw, runKept] = [c, day, 0, 0];
		}
		runRaw += raw;
		runKept += kept;
	}
	if (runCell >= 0) addRun(contrib, runCell, p, runDay, runRaw, runKept);
}

function addRun(
	contrib: Contributions,
	c: number,
	p: number,
	d: number,
	raw: number,
	kept: number
) {
	contrib.share(c, raw / MINUTE, kept / MINUTE);
	if (kept > 0) contrib.add(c, p, d, kept / MINUTE);
}

/** Overlap of [a, b] with merged intervals, starting from pair index i. */
function overlapFrom(m: Intervals, i: number, a: number, b: number): number {
	let sum = 0;
	for (; i < m.length && m[i]! < b; i += 2) sum += Math.min(b, m[i + 1]!) - Math.max(a, m[i]!);
	return sum;
}

/** A stop's dwell, split where the Copenhagen day changes, minus any cut window. */
function dwellTime(st: TrackStage, p: number, c: number, from: number, to: number, cut: Intervals) {
	if (c < 0) return;
	let a = from;
	while (a < to) {
		const day = st.days.of(a);
		let b = DayIndex.nextHour(a);
		while (b < to && st.days.of(b) === day) b = DayIndex.nextHour(b);
		b = Math.min(b, to);
		const len = b - a;
		const kept = len - overlap(cut, a, b);
		st.contrib.share(c, len / MINUTE, kept / MINUTE);
		if (kept > 0) st.contrib.add(c, p, day, kept / MINUTE);
		a = b;
	}
}
