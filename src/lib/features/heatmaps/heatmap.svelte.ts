import { m } from '$lib/paraglide/messages.js';
import { HeatmapCancelled, type HeatmapArea, type HeatmapResult } from '$lib/domain/heatmap/schema';
import { gatherHeatmapInput } from './heatmap-input.service';
import { DEFAULT_FORM, optionsFor, type HeatmapForm } from './heatmap-options.service';
import { HeatmapWorker } from '$lib/workers/heatmap-client';
import { announcer } from '$lib/features/app/announcer.svelte';
import { describeError } from '$lib/i18n/errors';
import { areaName } from '$lib/i18n/heatmap-labels';

export { DEFAULT_FORM, type HeatmapForm };

export type HeatmapStatus = 'idle' | 'reading' | 'computing' | 'done' | 'cancelled' | 'error';

/** Reading the data takes the first fifth of the progress bar, the worker the rest. */
const READ_SHARE = 0.2;

/**
 * The Heatmaps screen's state: the form, and a run that reads the workspace, computes in the
 * worker (cancellable), and keeps the result with the form it was made from. What a release of
 * an aggregate map would show is heatmap-release.svelte.ts's.
 */
export class HeatmapRun {
	form = $state<HeatmapForm>({ ...DEFAULT_FORM });
	area = $state<HeatmapArea>('vesterbro');
	#status = $state<HeatmapStatus>('idle');
	#progress = $state(0);
	#result = $state.raw<HeatmapResult | null>(null);
	#used = $state.raw<HeatmapForm | null>(null);
	#computedAt = $state(0);
	#worker = new HeatmapWorker();
	#run = 0;

	get status(): HeatmapStatus {
		return this.#status;
	}
	get busy(): boolean {
		return this.#status === 'reading' || this.#status === 'computing';
	}
	get progress(): number {
		return this.#progress;
	}
	get result(): HeatmapResult | null {
		return this.#result;
	}
	/** The form the shown result was computed with. */
	get used(): HeatmapForm | null {
		return this.#used;
	}
	get computedAt(): number {
		return this.#computedAt;
	}
	/** The form has changed since the shown map was computed. */
	get stale(): boolean {
		const used = this.#used;
		return !!used && JSON.stringify(used) !== JSON.stringify($state.snapshot(this.form));
	}
	get canCompute(): boolean {
		return this.form.view === 'aggregate' || this.form.participantId !== null;
	}

	async compute(): Promise<void> {
		if (!this.canCompute) return;
		this.#worker.cancel();
		const run = ++this.#run;
		const form = $state.snapshot(this.form) as HeatmapForm;
		this.#status = 'reading';
		this.#progress = 0;
		try {
			const gathered = await gatherHeatmapInput({
				participantId: form.view === 'participant' ? form.participantId! : undefined,
				onProgress: (f) => run === this.#run && (this.#progress = f * READ_SHARE)
			});
			if (run !== this.#run) return;
			const options = optionsFor(form, gathered.institutionBufferMetres);
			if (run !== this.#run) return;
			this.#status = 'computing';
			const result = await this.#worker.compute(gathered.input, options, (f) => {
				if (run === this.#run) this.#progress = READ_SHARE + f * (1 - READ_SHARE);
			});
			if (run !== this.#run) return;
			this.#result = result;
			this.#used = form;
			this.#computedAt = Date.now();
			this.#status = 'done';
			this.#progress = 1;
			const shown = result.maps[this.area].cells.length;
			announcer.confirm(m.heatComputed({ count: shown, area: areaName(this.area) }));
		} catch (e) {
			if (run !== this.#run) return;
			if (e instanceof HeatmapCancelled) return this.#cancelled();
			this.#status = 'error';
			announcer.fail(describeError(e));
		}
	}

	cancel(): void {
		if (!this.busy) return;
		this.#run++;
		this.#worker.cancel();
		this.#cancelled();
	}

	dispose(): void {
		this.#run++;
		this.#worker.dispose();
	}

	#cancelled(): void {
		this.#status = this.#result ? 'done' : 'cancelled';
		this.#progress = 0;
		announcer.confirm(m.heatCancelled());
	}
}
