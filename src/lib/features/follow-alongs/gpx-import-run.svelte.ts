import type { Outlines } from '$lib/domain/neighbourhoods';
import type { FieldAreaCheck } from '$lib/domain/tracks/field-area';
import {
	importGpx,
	type FieldAreaChoice,
	type ImportOutcome,
	type ImportTarget
} from './gpx-import.service';
import { readGpxFile } from './gpx-reader.service';
import type { DetectSettings } from './stops.service';

/** One file's fate: imported, refused with a problem, cancelled, or failed while writing. */
export type FileOutcome = ImportOutcome | { ok: false; error: unknown };

export interface FileResult {
	name: string;
	outcome: FileOutcome;
}

/**
 * Several GPX files imported one after the other, each becoming a day of its own with the same
 * participant. Each file is all or nothing (one transaction); one file's problem does not stop
 * the next. A track that leaves the field area waits for the user's choice (`question`).
 */
export class GpxImportRun {
	#results = $state<FileResult[]>([]);
	#current = $state<string | null>(null);
	#progress = $state(0);
	#question = $state<{ name: string; check: FieldAreaCheck } | null>(null);
	#answer: ((choice: FieldAreaChoice) => void) | null = null;

	get results(): FileResult[] {
		return this.#results;
	}
	/** The file being read or stored now, or null when idle. */
	get current(): string | null {
		return this.#current;
	}
	get progress(): number {
		return this.#progress;
	}
	/** The track of this file leaves the field area: trim, keep or cancel? */
	get question(): { name: string; check: FieldAreaCheck } | null {
		return this.#question;
	}
	get busy(): boolean {
		return this.#current !== null;
	}

	answer(choice: FieldAreaChoice): void {
		this.#question = null;
		this.#answer?.(choice);
		this.#answer = null;
	}

	reset(): void {
		if (this.#question) this.answer('cancel');
		this.#results = [];
	}

	async run(
		files: readonly File[],
		target: ImportTarget,
		settings: DetectSettings,
		outlines: Outlines
	): Promise<FileResult[]> {
		this.#results = [];
		for (const file of files) {
			this.#current = file.name;
			this.#progress = 0;
			let outcome: FileOutcome;
			try {
				outcome = await importGpx(
					file,
					target,
					settings,
					outlines,
					readGpxFile,
					(f) => (this.#progress = f),
					(check) => this.#ask(file.name, check)
				);
			} catch (error) {
				outcome = { ok: false, error };
			}
			this.#results = [...this.#results, { name: file.name, outcome }];
		}
		this.#current = null;
		return this.#results;
	}

	#ask(name: string, check: FieldAreaCheck): Promise<FieldAreaChoice> {
		return new Promise((resolve) => {
			this.#answer = resolve;
			this.#question = { name, check };
		});
	}
}
