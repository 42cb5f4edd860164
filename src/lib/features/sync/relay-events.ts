import { RelayEvent } from '$lib/domain/sync';

/**
 * Reads a Server-Sent Events stream from a fetch body (EventSource cannot send the signature
 * headers, so the client streams the response itself). Calls `onEvent` for each `head` or `team`
 * event; comment lines (the relay's pings) and unknown events are skipped, as the SSE standard
 * says a client should.
 */
export async function readEvents(
	body: ReadableStream<Uint8Array>,
	onEvent: (event: RelayEvent) => void
): Promise<void> {
	const reader = body.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return;
		buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
		let end: number;
		while ((end = buffer.indexOf('\n\n')) >= 0) {
			const frame = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			const data = frame
				.split('\n')
				.filter((l) => l.startsWith('data:'))
				.map((l) => l.slice(5).trimStart())
				.join('\n');
			if (!data) continue;
			let json: unknown;
			try {
				json = JSON.parse(data);
			} catch {
				continue;
			}
			const parsed = RelayEvent.safeParse(json);
			if (parsed.success) onEvent(parsed.data);
		}
	}
}

/** Waits `ms`, or less when `signal` aborts (then resolves at once). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		if (signal?.aborted) return resolve();
		const timer = setTimeout(done, ms);
		signal?.addEventListener('abort', done, { once: true });
		function done() {
			clearTimeout(timer);
			signal?.removeEventListener('abort', done);
			resolve();
		}
	});
}
