import { readGpx } from '$lib/domain/tracks/gpx-scan';
import type { GpxReply, GpxRequest } from './gpx-protocol';

// A thin shell: reads a GPX file off the main thread and hands the columns back without copying.
const post = (reply: GpxReply, transfer: Transferable[] = []) =>
	self.postMessage(reply, { transfer });

self.onmessage = (e: MessageEvent<GpxRequest>) => {
	const { id, bytes } = e.data;
	try {
		const result = readGpx(bytes, {
			onProgress: (fraction) => post({ id, kind: 'progress', fraction })
		});
		const t = result.ok ? result.value.track : null;
		post(
			{ id, kind: 'done', result },
			t ? [t.t.buffer, t.lat.buffer, t.lon.buffer, t.acc.buffer, t.src.buffer] : []
		);
	} catch (err) {
		post({ id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
	}
};
