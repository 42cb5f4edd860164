import type { ServerResponse } from 'node:http';
import type { RelayEvent } from '../../src/lib/domain/sync/index.ts';

/**
 * Open Server-Sent Event streams, by team. In memory: one relay process serves a team (a second
 * process behind a load balancer would need PostgreSQL's LISTEN/NOTIFY here).
 */
export class Hub {
	#streams = new Map<string, Set<{ device: string; res: ServerResponse }>>();
	#ping: ReturnType<typeof setInterval>;

	constructor(pingMs = 20_000) {
		// A comment line now and then keeps proxies and phones from closing an idle stream.
		this.#ping = setInterval(() => {
			for (const set of this.#streams.values())
				for (const s of set) if (!s.res.writableEnded) s.res.write(': ping\n\n');
		}, pingMs);
		this.#ping.unref();
	}

	add(team: string, device: string, res: ServerResponse): void {
		const set = this.#streams.get(team) ?? new Set();
		const entry = { device, res };
		set.add(entry);
		this.#streams.set(team, set);
		res.on('close', () => {
			set.delete(entry);
			if (!set.size) this.#streams.delete(team);
		});
	}

	send(team: string, event: RelayEvent): void {
		const frame = `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
		for (const s of this.#streams.get(team) ?? []) if (!s.res.writableEnded) s.res.write(frame);
	}

	/** Ends the streams of a device that was removed or left. */
	drop(team: string, device: string): void {
		const set = this.#streams.get(team);
		for (const s of set ?? [])
			if (s.device === device) {
				set!.delete(s);
				s.res.end();
			}
	}

	get size(): number {
		let n = 0;
		for (const set of this.#streams.values()) n += set.size;
		return n;
	}

	close(): void {
		clearInterval(this.#ping);
		for (const set of this.#streams.values()) for (const s of set) s.res.end();
		this.#streams.clear();
	}
}
