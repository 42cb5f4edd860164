import type { GpxResult } from '$lib/domain/tracks/gpx';
import type { GpxReply, GpxRequest } from './gpx-protocol';

let seq = 0;

/**
 * Reads GPX bytes in a Web Worker, so a 50 MB file never freezes the screen; progress is
 * reported as the worker scans. One worker per file, ended when it is done.
 */
export function readGpxInWorker(
	bytes: ArrayBuffer,
	onProgress?: (fraction: number) => void
): Promise<GpxResult> {
	const worker = new Worker(new URL('./gpx.worker.ts', import.meta.url), { type: 'module' });
	const id = ++seq;
	return new Promise<GpxResult>((resolve, reject) => {
		worker.onmessage = (e: MessageEvent<GpxReply>) => {
			const reply = e.data;
			if (reply.id !== id) return;
			if (reply.kind === 'progress') return onProgress?.(reply.fraction);
			worker.terminate();
			if (reply.kind === 'done') resolve(reply.result);
			else reject(new Error(reply.message));
		};
		worker.onerror = (e) => {
			worker.terminate();
			reject(new Error(e.message || 'the GPX reader stopped'));
		};
		const request: GpxRequest = { id, bytes };
		worker.postMessage(request, [bytes]);
	});
}
