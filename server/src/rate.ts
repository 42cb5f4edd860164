/** A token bucket per device, in memory (a restart forgives everyone, which is harmless). */
export class RateLimiter {
	#buckets = new Map<string, { tokens: number; at: number }>();
	constructor(
		private readonly perSecond: number,
		private readonly burst: number,
		private readonly now: () => number = Date.now
	) {}

	/** 0 when the request may go ahead (and is counted), else the ms to wait for a token. */
	take(key: string): number {
		const now = this.now();
		const b = this.#buckets.get(key) ?? { tokens: this.burst, at: now };
		b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
		b.at = now;
		this.#buckets.set(key, b);
		if (b.tokens >= 1) {
			b.tokens -= 1;
			return 0;
		}
		return Math.ceil(((1 - b.tokens) / this.perSecond) * 1000);
	}

	/** Forgets full buckets, so the map does not grow with every device ever seen. */
	sweep(): void {
		const now = this.now();
		for (const [key, b] of this.#buckets)
			if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst)
				this.#buckets.delete(key);
	}
}
