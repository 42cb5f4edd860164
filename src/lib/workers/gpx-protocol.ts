import type { GpxResult } from '$lib/domain/tracks/gpx';

/** Messages between the GPX reader worker and its client. */
export interface GpxRequest {
	id: number;
	bytes: ArrayBuffer;
}

export type GpxReply =
	| { id: number; kind: 'progress'; fraction: number }
	| { id: number; kind: 'done'; result: GpxResult }
	| { id: number; kind: 'error'; message: string };
