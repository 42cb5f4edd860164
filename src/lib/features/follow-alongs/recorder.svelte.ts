import { m } from '$lib/paraglide/messages.js';
import { FixFilter, maxSpeedFor, type FilterState } from '$lib/domain/tracks/filter';
import type { Fix } from '$lib/domain/tracks/fix';
import { haversine } from '$lib/domain/tracks/geo';
import { trackDistance } from '$lib/domain/tracks/track';
import { activeFollowAlong, stopsOf, trackOf } from '$lib/db/follow-alongs.queries';
import type { FollowAlong, Stop } from '$lib/db/follow-alongs.repo';
import { getSettings } from '$lib/db/settings.repo';
import { startFollowAlong, type StartInput } from './follow-alongs.service';
import { watchPositions, type WatchProblem } from './position-watch.service';
import { closeStop, detectFollowAlongStops, markStop } from './stops.service';
import { FLUSH_EVERY_MS, TrackWriter } from './track-writer.service';
import { ScreenWakeLock, type WakeLockState } from './wake-lock.service';
import { recordingPresence } from './recording-presence.svelte';
import { watchHiddenPage } from './hidden-page';

/** No fix for this long while recording shows a warning. */
export const SILENCE_WARNING_MS = 30_000;

export type RecorderStatus = 'idle' | 'recording' | 'paused';

/**
 * The day being followed now: the GPS watch, the screen wake lock, the fix filter and the
 * writer that stores fixes every few seconds. One for the whole app, so recording goes on while
 * the researcher moves between screens (a note, the participants) and resumes after a reload.
 */
class Recorder {
	#day = $state.raw<FollowAlong | null>(null);
	#status = $state<RecorderStatus>('idle');
	#fixCount = $state(0);
	#distanceM = $state(0);
	#lastFix = $state.raw<Fix | null>(null);
	#dropped = $state(0);
	#now = $state(Date.now());
	#listeningSince = $state(0);
	#problem = $state<WatchProblem | null>(null);
	#wakeLock = $state<WakeLockState>('off');
	#openStop = $state.raw<Stop | null>(null);
	#hiddenGap = $state.raw<{ from: number; to: number } | null>(null);
	#writeError = $state.raw<unknown>(null);

	#writer: TrackWriter | null = null;
	#filter: FixFilter | null = null;
	#unwatch: (() => void) | null = null;
	#lock = new ScreenWakeLock();
	#timers: ReturnType<typeof setInterval>[] = [];
	#unwatchPage: (() => void) | null = null;
	#attached = false;

	get day() {
		return this.#day;
	}
	get status() {
		return this.#status;
	}
	/** GPS is recorded on this day (the participant allows it); otherwise stops and a sketch only. */
	get gps() {
		return this.#day?.routeSource === 'gps';
	}
	get fixCount() {
		return this.#fixCount;
	}
	get distanceM() {
		return this.#distanceM;
	}
	get lastFix() {
		return this.#lastFix;
	}
	get dropped() {
		return this.#dropped;
	}
	get elapsedMs() {
		return this.#day ? Math.max(0, this.#now - this.#day.startedAt) : 0;
	}
	/** How long no fix has come while recording (0 when fixes come or none are expected). */
	get silenceMs() {
		if (this.#status !== 'recording' || !this.gps) return 0;
		return Math.max(0, this.#now - Math.max(this.#lastFix?.t ?? 0, this.#listeningSince));
	}
	get problem() {
		return this.#problem;
	}
	get wakeLock() {
		return this.#wakeLock;
	}
	get openStop() {
		return this.#openStop;
	}
	/** The last stretch when the page was hidden (stored as a gap), to tell the researcher. */
	get hiddenGap() {
		return this.#hiddenGap;
	}
	get writeError() {
		return this.#writeError;
	}

	/** Picks up the day in progress in the open workspace, if any (after a reload or a switch). */
	async attach(): Promise<void> {
		if (this.#attached) return;
		this.#attached = true;
		const day = await activeFollowAlong();
		if (!day) recordingPresence.forget();
		if (day && this.#attached && !this.#day) await this.#begin(day, true);
	}

	/** Stops listening without changing the day (the workspace is closing). */
	detach(): void {
		this.#attached = false;
		void this.#flush();
		this.#halt();
		this.#reset();
	}

	async start(input: StartInput): Promise<FollowAlong> {
		const day = await startFollowAlong(input);
		await this.#begin(day, false);
		return day;
	}

	async pause(): Promise<void> {
		if (this.#status !== 'recording') return;
		this.#filter?.markGap('paused');
		this.#halt();
		this.#status = 'paused';
		this.#writer?.patch({ status: 'paused', ...this.#filterPatch() });
		await this.#flush();
	}

	async resume(): Promise<void> {
		if (this.#status !== 'paused') return;
		this.#status = 'recording';
		this.#writer?.patch({ status: 'recording' });
		await this.#flush();
		this.#listen();
	}

	/** Ends the day: closes an open stop, writes everything, and proposes the day's stops. */
	async stop(): Promise<string | null> {
		const day = this.#day;
		if (!day) return null;
		this.#halt();
		const end = Date.now();
		if (this.#openStop) await closeStop(this.#openStop.id, end);
		this.#writer?.patch({ status: 'ended', endedAt: end, ...this.#filterPatch() });
		await this.#flush();
		this.#reset();
		recordingPresence.forget();
		const settings = await getSettings();
		if (day.routeSource !== 'sketch') await detectFollowAlongStops(day.id, settings);
		return day.id;
	}

	/** "We stopped here", at the last position. Returns false without one (place it on the map). */
	async markStop(): Promise<boolean> {
		const day = this.#day;
		const at = this.#lastFix;
		if (!day || !at) return false;
		this.#openStop = await markStop(day.id, Date.now(), at);
		return true;
	}

	/** "We are leaving" the stop marked last. */
	async leaveStop(): Promise<void> {
		if (!this.#openStop) return;
		await closeStop(this.#openStop.id, Date.now());
		this.#openStop = null;
	}

	/** The position at a moment of the day being recorded, if known (for a note's location). */
	positionAt(followAlongId: string, t: number): Fix | null {
		const fix = this.#lastFix;
		if (this.#day?.id !== followAlongId || !fix) return null;
		return Math.abs(t - fix.t) <= 5 * 60_000 ? fix : null;
	}

	async #begin(day: FollowAlong, resumed: boolean): Promise<void> {
		const [settings, writer, { track }, stops] = await Promise.all([
			getSettings(),
			TrackWriter.open(day.id),
			trackOf(day.id),
			stopsOf(day.id)
		]);
		this.#day = day;
		recordingPresence.remember();
		this.#writer = writer;
		this.#filter = new FixFilter(
			{ maxAccuracyM: settings.maxFixAccuracyMetres, maxSpeedMps: maxSpeedFor(day.modes) },
			day.filterState as FilterState | undefined
		);
		// The time the page was gone is a gap: nothing is known of where they went.
		if (resumed) this.#filter.markGap('hidden');
		this.#fixCount = track.count;
		this.#distanceM = trackDistance(track);
		this.#lastFix = this.#filter.last;
		this.#dropped = this.#filter.droppedShown;
		this.#openStop = stops.find((s) => s.departedAt === null) ?? null;
		this.#status = day.status === 'paused' ? 'paused' : 'recording';
		this.#timers = [
			setInterval(() => void this.#flush(), FLUSH_EVERY_MS),
			setInterval(() => (this.#now = Date.now()), 1000)
		];
		this.#unwatchPage = watchHiddenPage(
			{
				recording: () => this.#status === 'recording',
				hidden: (recording) => {
					if (recording) this.#filter?.markGap('hidden');
					void this.#flush();
				},
				shown: (since, recording) => {
					if (!recording) return;
					this.#hiddenGap = { from: since, to: Date.now() };
					void this.#lock.reacquire().then((s) => (this.#wakeLock = s));
				},
				leaving: () => void this.#flush()
			},
			() => m.followHiddenTitle()
		);
		if (this.#status === 'recording') this.#listen();
	}

	#listen(): void {
		if (!this.gps || this.#unwatch) return;
		this.#problem = null;
		this.#listeningSince = Date.now();
		this.#unwatch = watchPositions(
			(fix) => this.#onFix(fix),
			(p) => (this.#problem = p)
		);
		void this.#lock.acquire().then((s) => (this.#wakeLock = s));
	}

	#onFix(input: Fix): void {
		const filter = this.#filter;
		const writer = this.#writer;
		if (!filter || !writer || this.#status !== 'recording') return;
		this.#problem = null;
		const verdict = filter.push(input);
		if (!verdict.accepted) {
			this.#dropped = filter.droppedShown;
			return;
		}
		const { fix, gap } = verdict;
		const prev = this.#lastFix;
		if (prev && !fix.gapBefore) this.#distanceM += haversine(prev.lat, prev.lon, fix.lat, fix.lon);
		writer.add(fix, gap);
		this.#lastFix = fix;
		this.#fixCount++;
	}

	#filterPatch() {
		const f = this.#filter;
		return f ? { dropped: { ...f.dropped }, filterState: f.state() } : {};
	}

	async #flush(): Promise<void> {
		const writer = this.#writer;
		if (!writer) return;
		if (writer.pending > 0) writer.patch(this.#filterPatch());
		try {
			await writer.flush();
			this.#writeError = null;
		} catch (e) {
			// Kept in memory and tried again at the next flush; the screen says so meanwhile.
			this.#writeError = e;
		}
	}

	#halt(): void {
		this.#unwatch?.();
		this.#unwatch = null;
		void this.#lock.release();
		this.#wakeLock = 'off';
	}

	#reset(): void {
		for (const t of this.#timers) clearInterval(t);
		this.#timers = [];
		this.#unwatchPage?.();
		this.#unwatchPage = null;
		this.#writer = null;
		this.#filter = null;
		this.#day = null;
		this.#status = 'idle';
		this.#fixCount = 0;
		this.#distanceM = 0;
		this.#lastFix = null;
		this.#dropped = 0;
		this.#openStop = null;
		this.#hiddenGap = null;
		this.#problem = null;
	}

	/** Dismisses the note about the last hidden stretch. */
	dismissHiddenGap(): void {
		this.#hiddenGap = null;
	}
}

export const recorder = new Recorder();
// Whichever screen loads the recorder, the bar (which attaches it to the workspace) comes too.
recordingPresence.want(() => recorder.status);
