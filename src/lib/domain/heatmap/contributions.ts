/**
 * What each participant added to each cell on each day, as growable columns. A follow-along adds
 * weight fix by fix into a dense per-cell scratch; when the participant or day changes the touched
 * cells are flushed as (cell, participant, day, weight) rows, so the rows stay few (about one per
 * cell a person passed through on a day) however many fixes there are.
 */
export class Contributions {
	cell = new Int32Array(4096);
	participant = new Int32Array(4096);
	day = new Int32Array(4096);
	weight = new Float64Array(4096);
	/** Which source (an index into HEATMAP_SOURCES) each row came from, for the report. */
	source = new Uint8Array(4096);
	length = 0;
	/** Per cell, before the institution rules: time (or notes) seen, and what survived the cut. */
	readonly shareRaw: Float64Array;
	readonly shareKept: Float64Array;
	/** Per cell: minutes of reconstructed route left out. */
	readonly reconstructed: Float64Array;
	#scratch: Float64Array;
	#touched: Int32Array;
	#n = 0;
	#p = -1;
	#d = -1;
	#s = 0;

	constructor(readonly cellCount: number) {
		this.shareRaw = new Float64Array(cellCount);
		this.shareKept = new Float64Array(cellCount);
		this.reconstructed = new Float64Array(cellCount);
		this.#scratch = new Float64Array(cellCount);
		this.#touched = new Int32Array(cellCount);
	}

	/** Adds a positive weight for participant p on day d in cell c. */
	add(c: number, p: number, d: number, w: number): void {
		if (p !== this.#p || d !== this.#d) {
			this.flush();
			this.#p = p;
			this.#d = d;
		}
		if (this.#scratch[c] === 0) this.#touched[this.#n++] = c;
		this.#scratch[c]! += w;
	}

	/** Rows added from now on come from source s (an index into HEATMAP_SOURCES). */
	setSource(s: number): void {
		this.flush();
		this.#s = s;
	}

	/**
	 * Places named counts people, not minutes: every row so far (tracks, notes) becomes presence,
	 * weight 1, and the shares are restarted for the named places.
	 */
	asPresence(): void {
		this.flush();
		this.weight.fill(1, 0, this.length);
		this.shareRaw.fill(0);
		this.shareKept.fill(0);
	}

	share(c: number, raw: number, kept: number): void {
		this.shareRaw[c]! += raw;
		this.shareKept[c]! += kept;
	}

	flush(): void {
		const need = this.length + this.#n;
		if (need > this.cell.length) this.#grow(need);
		for (let i = 0; i < this.#n; i++) {
			const c = this.#touched[i]!;
			const r = this.length++;
			this.cell[r] = c;
			this.participant[r] = this.#p;
			this.day[r] = this.#d;
			this.weight[r] = this.#scratch[c]!;
			this.source[r] = this.#s;
			this.#scratch[c] = 0;
		}
		this.#n = 0;
	}

	#grow(need: number): void {
		const size = Math.max(need, this.cell.length * 2);
		const copy = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
		this.cell = copy(this.cell, new Int32Array(size));
		this.participant = copy(this.participant, new Int32Array(size));
		this.day = copy(this.day, new Int32Array(size));
		this.weight = copy(this.weight, new Float64Array(size));
		this.source = copy(this.source, new Uint8Array(size));
	}
}
