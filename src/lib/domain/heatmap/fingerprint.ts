import type { Contributions } from './contributions';
import type { HeatmapInput, HeatmapOptions } from './schema';

/*
 * A fingerprint of what a map was computed from: what each participant added to each cell on each
 * day, and the options that change it (not the disclosure rules, which change only what is
 * shown). Two 32-bit FNV-1a lanes over the rows' words and the rest as JSON: it tells "the same
 * data" from "other data"
 * (a release's report says why its figures moved); it is not a cryptographic hash and proves
 * nothing to someone who wants to forge it.
 */

const PRIME = 0x01000193;

/** Two lanes, kept in locals inside the loops: a private field per word was 50× slower. */
class Fnv {
	#a = 0x811c9dc5;
	#b = 0x2f1a3c5d;

	text(s: string): void {
		const w = new Uint32Array(s.length + 1);
		for (let i = 0; i < s.length; i++) w[i] = s.charCodeAt(i);
		w[s.length] = 0x7fffffff;
		this.#words(w);
	}

	words(a: Float64Array | Int32Array | Uint8Array | Uint32Array): void {
		const aligned = a.byteOffset % 4 === 0 && a.byteLength % 4 === 0;
		this.#words(
			aligned ? new Uint32Array(a.buffer, a.byteOffset, a.byteLength / 4) : Uint32Array.from(a)
		);
		this.#words(Uint32Array.of(a.length));
	}

	#words(w: Uint32Array): void {
		let a = this.#a;
		let b = this.#b;
		for (let i = 0; i < w.length; i++) {
			const v = w[i]!;
			a = Math.imul(a ^ v, PRIME);
			b = Math.imul(b ^ (v >>> 7) ^ (a >>> 17), PRIME);
		}
		this.#a = a;
		this.#b = b;
	}

	hex(): string {
		const h = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
		return h(this.#a) + h(this.#b);
	}
}

/**
 * The fingerprint of a computation: every (cell, participant, day, weight) row the map rests on
 * (a few per cell a person passed through on a day, far fewer than the fixes), and the parts of
 * the input and options that say what those numbers mean.
 */
export function fingerprintOf(
	contrib: Pick<Contributions, 'cell' | 'participant' | 'day' | 'weight' | 'length'>,
	input: Pick<HeatmapInput, 'participants' | 'institutions' | 'outlines'>,
	o: HeatmapOptions
): string {
	const f = new Fnv();
	f.text(
		JSON.stringify([
			o.metric,
			o.resolution,
			o.institutionBufferMetres,
			o.institutionMarginMinutes,
			o.includeReconstructed,
			o.maxFixIntervalSeconds,
			o.view,
			o.metric === 'places-named' ? [o.activity ?? null, o.sources] : null,
			input.participants,
			input.institutions,
			input.outlines
		])
	);
	const n = contrib.length;
	f.words(contrib.cell.subarray(0, n));
	f.words(contrib.participant.subarray(0, n));
	f.words(contrib.day.subarray(0, n));
	f.words(contrib.weight.subarray(0, n));
	return f.hex();
}
