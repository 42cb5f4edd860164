import type { GpxResult } from '$lib/domain/tracks/gpx';
import { readGpx } from '$lib/domain/tracks/gpx-scan';
import { readGpxInWorker } from '$lib/workers/gpx-client';

/** Reads GPX bytes off the main thread where Web Workers exist, on it where they do not. */
export function readGpxFile(
	bytes: ArrayBuffer,
	onProgress?: (fraction: number) => void
): Promise<GpxResult> {
	if (typeof Worker === 'undefined') return Promise.resolve(readGpx(bytes, { onProgress }));
	return readGpxInWorker(bytes, onProgress);
}
