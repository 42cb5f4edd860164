import { isValidLatLon, type Fix } from './fix';
import { haversine } from './geo';

/** How the participant moved during the follow-along (the session's mode of travel). */
export const TRAVEL_MODES = ['walking', 'bike', 'bus', 'metro', 'train', 'car'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/**
 * Fastest plausible ground speed per mode, in m/s, with headroom over the real top speed so that
 * a real sprint or a fast stretch is never thrown away:
 * - walking 12.5 (45 km/h): a person running flat out (a sprinter peaks at ~12 m/s);
 * - bike 20 (72 km/h): an e-bike downhill;
 * - bus 30 (108 km/h): Danish buses are limited to 80–100 km/h;
 * - metro 30: the Copenhagen Metro runs at up to 90 km/h (25 m/s);
 * - train 55 (200 km/h): regional and Øresund trains run at up to 180–200 km/h;
 * - car 45 (160 km/h): motorway speed plus margin.
 */
export const MAX_SPEED_MPS: Readonly<Record<TravelMode, number>> = {
	walking: 12.5,
	bike: 20,
	bus: 30,
	metro: 30,
	train: 55,
	car: 45
};

/** The speed limit for a session that may use several modes: the fastest of them. */
export function maxSpeedFor(modes: readonly TravelMode[]): number {
	return modes.reduce((max, m) => Math.max(max, MAX_SPEED_MPS[m]), MAX_SPEED_MPS.walking);
}

export type DropReason = 'accuracy' | 'jump' | 'stale' | 'invalid';
export const DROP_REASONS: readonly DropReason[] = ['accuracy', 'jump', 'stale', 'invalid'];

/**
 * Why a gap began: `timeout` no fix for longer than `gapMs`; `hidden` the page was hidden
 * (a web app gets no positions with the screen off); `paused` the researcher paused; `jump`
 * the position moved impossibly far and several fixes confirmed the new place.
 */
export type GapReason = 'timeout' | 'hidden' | 'paused' | 'jump';

/** A stretch without fixes, from the last fix before it to the first fix after it. */
export interface Gap {
	from: number;
	to: number;
	reason: GapReason;
}

export interface FilterOptions {
	/** Fixes less accurate than this (metres) are dropped. */
	maxAccuracyM: number;
	/** Speed above which a move between two fixes is impossible (see `MAX_SPEED_MPS`). */
	maxSpeedMps: number;
	/** No fix for longer than this (ms) is a gap. */
	gapMs: number;
	/** After this many fixes agree on a new place that is an impossible jump away, accept it. */
	confirmJumpAfter: number;
}

export const DEFAULT_FILTER_OPTIONS: Readonly<FilterOptions> = {
	maxAccuracyM: 50,
	maxSpeedMps: MAX_SPEED_MPS.walking,
	gapMs: 60_000,
	confirmJumpAfter: 3
};

export type FilterVerdict =
	{ accepted: true; fix: Fix; gap: Gap | null } | { accepted: false; reason: DropReason };

/** What the filter remembers, JSON-safe, so a recorder can resume it after a page reload. */
export interface FilterState {
	last: Fix | null;
	dropped: Record<DropReason, number>;
	pendingGap: GapReason | null;
	candidate: Fix | null;
	candidateRun: number;
}

/**
 * Streaming filter for live recording: feed it every position in arrival order; it says which
 * to keep and marks the first fix after a gap with `gapBefore`, so a gap is stored as a gap.
 */
export class FixFilter {
	readonly options: Readonly<FilterOptions>;
	#s: FilterState;

	constructor(options: Partial<FilterOptions> = {}, state?: FilterState) {
		this.options = { ...DEFAULT_FILTER_OPTIONS, ...options };
		this.#s = state
			? structuredCopy(state)
			: {
					last: null,
					dropped: { accuracy: 0, jump: 0, stale: 0, invalid: 0 },
					pendingGap: null,
					candidate: null,
					candidateRun: 0
				};
	}

	push(input: Fix): FilterVerdict {
		const s = this.#s;
		const { t, lat, lon, acc } = input;
		if (!Number.isFinite(t) || !isValidLatLon(lat, lon) || !(acc >= 0 && acc < Infinity))
			return this.#drop('invalid');
		if (acc > this.options.maxAccuracyM) return this.#drop('accuracy');
		const last = s.last;
		// Cached or reordered positions (watchPosition may hand back an old one) add nothing.
		if (last && t <= last.t) return this.#drop('stale');

		let reason: GapReason | null = s.pendingGap;
		if (!reason && last && t - last.t > this.options.gapMs) reason = 'timeout';
		// A jump is only impossible relative to a fix a line would be drawn from.
		if (!reason && last && this.#impossible(last, input)) {
			if (s.candidate && !this.#impossible(s.candidate, input)) s.candidateRun++;
			else s.candidateRun = 1;
			s.candidate = { ...input };
			// Several fixes agreeing on the new place mean the old one was wrong or we really
			// moved fast (a train the mode did not foresee): keep it, but never draw the jump.
			if (s.candidateRun < this.options.confirmJumpAfter) return this.#drop('jump');
			reason = 'jump';
		}

		const fix: Fix = { t, lat, lon, acc, src: input.src };
		if (reason && last) fix.gapBefore = true;
		const gap = reason && last ? { from: last.t, to: t, reason } : null;
		s.last = fix;
		s.pendingGap = null;
		s.candidate = null;
		s.candidateRun = 0;
		return { accepted: true, fix, gap };
	}

	/** The page was hidden or recording paused: the next kept fix starts a new part. */
	markGap(reason: 'hidden' | 'paused'): void {
		if (!this.#s.pendingGap) this.#s.pendingGap = reason;
	}

	/** Milliseconds since the last kept fix (0 before the first): for a "no fixes" warning. */
	silenceMs(now: number): number {
		return this.#s.last ? Math.max(0, now - this.#s.last.t) : 0;
	}

	/** True once no fix has been kept for longer than `gapMs`. */
	isSilent(now: number): boolean {
		return this.silenceMs(now) > this.options.gapMs;
	}

	get last(): Fix | null {
		return this.#s.last;
	}

	get dropped(): Readonly<Record<DropReason, number>> {
		return this.#s.dropped;
	}

	get droppedTotal(): number {
		const d = this.#s.dropped;
		return d.accuracy + d.jump + d.stale + d.invalid;
	}

	/**
	 * Fixes left out that the researcher should know about: too inaccurate, impossible jumps,
	 * unreadable. A repeated position (the browser hands back its last one when a watch starts) is
	 * not.
	 */
	get droppedShown(): number {
		const d = this.#s.dropped;
		return d.accuracy + d.jump + d.invalid;
	}

	/** A snapshot to persist; pass it to the constructor to resume. */
	state(): FilterState {
		return structuredCopy(this.#s);
	}

	/**
	 * Impossible when even the two fixes' accuracy circles cannot explain the distance at the
	 * speed limit: both may be off by up to their accuracy radius in opposite directions.
	 */
	#impossible(from: Fix, to: Fix): boolean {
		const seconds = (to.t - from.t) / 1000;
		const d = haversine(from.lat, from.lon, to.lat, to.lon);
		return d - from.acc - to.acc > this.options.maxSpeedMps * seconds;
	}

	#drop(reason: DropReason): FilterVerdict {
		this.#s.dropped[reason]++;
		return { accepted: false, reason };
	}
}

function structuredCopy(s: FilterState): FilterState {
	return {
		last: s.last ? { ...s.last } : null,
		dropped: { ...s.dropped },
		pendingGap: s.pendingGap,
		candidate: s.candidate ? { ...s.candidate } : null,
		candidateRun: s.candidateRun
	};
}
