import {
	HeatmapCancelled,
	type HeatmapInput,
	type HeatmapOptionsInput,
	type HeatmapResult
} from '$lib/domain/heatmap/schema';
import { transferablesOf, type HeatmapReply, type HeatmapRequest } from './heatmap-protocol';

interface Running {
	id: number;
	reject: (e: unknown) => void;
}

/**
 * Computes heatmaps in a Web Worker, so a million fixes never freeze the screen. One map at a
 * time: starting another, or `cancel()`, ends the worker at once (a synchronous computation
 * cannot read a message mid-run) and rejects the running map with `HeatmapCancelled`. A reply
 * from any map but the latest is dropped. The worker is kept between maps for its caches.
 */
export class HeatmapWorker {
	#worker: Worker | null = null;
	#seq = 0;
	#running: Running | null = null;

	get busy(): boolean {
		return this.#running !== null;
	}

	/** The input's typed arrays are transferred: the caller must not use them afterwards. */
	compute(
		input: HeatmapInput,
		options: HeatmapOptionsInput,
		onProgress?: (fraction: number) => void
	): Promise<HeatmapResult> {
		this.cancel();
		const worker = (this.#worker ??= new Worker(new URL('./heatmap.worker.ts', import.meta.url), {
			type: 'module'
		}));
		const id = ++this.#seq;
		return new Promise<HeatmapResult>((resolve, reject) => {
			this.#running = { id, reject };
			const settle = () => {
				if (this.#running?.id === id) this.#running = null;
			};
			worker.onmessage = (e: MessageEvent<HeatmapReply>) => {
				const reply = e.data;
				if (reply.id !== this.#seq) return;
				if (reply.kind === 'progress') return onProgress?.(reply.fraction);
				settle();
				if (reply.kind === 'done') resolve(reply.result);
				else reject(new Error(reply.message));
			};
			worker.onerror = (e) => {
				settle();
				this.#end();
				reject(new Error(e.message || 'the heatmap worker stopped'));
			};
			const request: HeatmapRequest = { id, input, options };
			worker.postMessage(request, transferablesOf(input.tracks));
		});
	}

	/** Stops the map being computed, if any. True when there was one. */
	cancel(): boolean {
		const running = this.#running;
		if (!running) return false;
		this.#running = null;
		this.#end();
		running.reject(new HeatmapCancelled());
		return true;
	}

	dispose(): void {
		this.cancel();
		this.#end();
	}

	#end(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}
}
