/** A small seeded PRNG (mulberry32) so the demo workspace, tests and benchmarks get the same data. */
export class Random {
	#state: number;
	constructor(seed: number) {
		this.#state = seed >>> 0;
	}
	next(): number {
		let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	int(min: number, maxInclusive: number): number {
		return min + Math.floor(this.next() * (maxInclusive - min + 1));
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)]!;
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	/** A few distinct items. */
	some<T>(items: readonly T[], min: number, max: number): T[] {
		const n = Math.min(items.length, this.int(min, max));
		const pool = [...items];
		const out: T[] = [];
		while (out.length < n) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
		return out;
	}
	/** Normally distributed, Box–Muller. */
	gauss(mean = 0, sd = 1): number {
		const u = 1 - this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
}
