import type { ExportRecords, ScanResult } from './export-scan.service';

export type ExportStep = 'idle' | 'scanning' | 'findings' | 'final' | 'writing';

/**
 * One export, from the scan to the file: scan what will be written, show the findings if there
 * are any (go back, or export anyway), then the last step (how to protect the file) and write.
 * Nothing is written before `write`; `cancel` at any point leaves no file.
 */
export class ExportFlow {
	#step = $state<ExportStep>('idle');
	#progress = $state(0);
	#scan = $state.raw<ScanResult | null>(null);
	#error = $state<string | null>(null);
	#run = 0;

	get step(): ExportStep {
		return this.#step;
	}
	get progress(): number {
		return this.#progress;
	}
	get scan(): ScanResult | null {
		return this.#scan;
	}
	get error(): string | null {
		return this.#error;
	}

	/** Scans; resolves to the step to show (findings, or straight to the last one). */
	async start(
		records: () => Promise<ExportRecords>,
		scan: (r: ExportRecords, onProgress: (p: number) => void) => Promise<ScanResult>
	): Promise<ExportStep> {
		const run = ++this.#run;
		this.#error = null;
		this.#scan = null;
		this.#progress = 0;
		this.#step = 'scanning';
		const result = await scan(await records(), (p) => {
			if (run === this.#run) this.#progress = p;
		});
		if (run !== this.#run) return 'idle';
		this.#scan = result;
		this.#step = result.total > 0 ? 'findings' : 'final';
		return this.#step;
	}

	/** "Export anyway": the user has seen the findings. */
	proceed(): void {
		if (this.#step === 'findings') this.#step = 'final';
	}

	/** Writes; an error keeps the dialog open on the last step with the message. */
	async write(run: () => Promise<void>, describe: (e: unknown) => string): Promise<boolean> {
		this.#step = 'writing';
		this.#error = null;
		try {
			await run();
			this.cancel();
			return true;
		} catch (e) {
			this.#error = describe(e);
			this.#step = 'final';
			return false;
		}
	}

	fail(message: string): void {
		this.#error = message;
	}

	cancel(): void {
		this.#run++;
		this.#step = 'idle';
		this.#scan = null;
		this.#progress = 0;
		this.#error = null;
	}
}
