/** Playback speeds offered: 1× (real time) to 120× (an hour in 30 seconds). */
export const SPEEDS = [1, 5, 10, 30, 60, 120] as const;

/**
 * The replay's clock: the moment shown, and whether and how fast it moves. Time advances with
 * requestAnimationFrame by the wall time between frames times the speed, so playback keeps pace
 * on a slow device (it skips rather than lags). Call `dispose` when the screen goes.
 */
export class ReplayClock {
	#time = $state(0);
	#playing = $state(false);
	#speed = $state<number>(60);
	#frame = 0;
	#last = 0;

	constructor(
		readonly start: number,
		readonly end: number
	) {
		this.#time = start;
	}

	get time(): number {
		return this.#time;
	}
	get playing(): boolean {
		return this.#playing;
	}
	get speed(): number {
		return this.#speed;
	}
	set speed(v: number) {
		this.#speed = v;
	}
	/** 0–1 through the day. */
	get fraction(): number {
		return this.end > this.start ? (this.#time - this.start) / (this.end - this.start) : 0;
	}

	play(): void {
		if (this.#playing) return;
		if (this.#time >= this.end) this.#time = this.start;
		this.#playing = true;
		this.#last = performance.now();
		this.#frame = requestAnimationFrame(this.#tick);
	}

	pause(): void {
		this.#playing = false;
		cancelAnimationFrame(this.#frame);
	}

	toggle(): void {
		if (this.#playing) this.pause();
		else this.play();
	}

	seek(t: number): void {
		this.#time = Math.min(this.end, Math.max(this.start, t));
	}

	step(ms: number): void {
		this.seek(this.#time + ms);
	}

	/** One speed faster (+1) or slower (-1). */
	shiftSpeed(dir: 1 | -1): void {
		const i = SPEEDS.findIndex((s) => s >= this.#speed);
		const next =
			SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? SPEEDS.length - 1 : i) + dir))];
		this.#speed = next ?? this.#speed;
	}

	dispose(): void {
		this.pause();
	}

	#tick = (now: number) => {
		if (!this.#playing) return;
		const dt = Math.min(250, now - this.#last);
		this.#last = now;
		const next = this.#time + dt * this.#speed;
		if (next >= this.end) {
			this.#time = this.end;
			this.#playing = false;
			return;
		}
		this.#time = next;
		this.#frame = requestAnimationFrame(this.#tick);
	};
}
