import type { Consent } from '$lib/domain/participants/participant';
import { suggestMapping, type PlaceColumn, type SurveyMapping } from '$lib/domain/survey/mapping';
import type { PlanProblem, RejectReason, Rejection, SurveyPlan } from '$lib/domain/survey/plan';
import type { ReadProblem, SurveyTable } from '$lib/domain/survey/table';
import {
	applySurveyImport,
	ImportCancelled,
	planSurveyImport,
	readSurveyFile,
	type ImportOutcome
} from './survey-import.service';

export type SurveyStep = 'file' | 'mapping' | 'preview' | 'importing' | 'done';

/** Rejections by reason: how many, and the first one's row and column. */
export type RejectionSummary = Partial<Record<RejectReason, { count: number; first: Rejection }>>;

export function summariseRejections(rejected: readonly Rejection[]): RejectionSummary {
	const out: RejectionSummary = {};
	for (const r of rejected) {
		const s = out[r.reason];
		if (s) s.count++;
		else out[r.reason] = { count: 1, first: r };
	}
	return out;
}

/** The Import survey screen: file → mapping → preview → import (progress, Cancel) → done. */
export class SurveyImport {
	#step = $state<SurveyStep>('file');
	#file = $state.raw<File | null>(null);
	#sheets = $state.raw<string[]>([]);
	#table = $state.raw<SurveyTable | null>(null);
	#problem = $state.raw<ReadProblem | PlanProblem | null>(null);
	#plan = $state.raw<SurveyPlan | null>(null);
	#progress = $state<{ done: number; total: number } | null>(null);
	#outcome = $state.raw<ImportOutcome | null>(null);
	#cancelled = $state(false);
	#busy = $state(false);
	#abort: AbortController | null = null;

	idColumn = $state('');
	places = $state<(PlaceColumn & { include: boolean })[]>([]);
	period = $state('');
	consent = $state<Consent>({ location: 'cell', followAlong: false, aggregate: true });

	get step() {
		return this.#step;
	}
	get sheets() {
		return this.#sheets;
	}
	get table() {
		return this.#table;
	}
	get problem() {
		return this.#problem;
	}
	get plan() {
		return this.#plan;
	}
	get progress() {
		return this.#progress;
	}
	get outcome() {
		return this.#outcome;
	}
	get cancelled() {
		return this.#cancelled;
	}
	get busy() {
		return this.#busy;
	}

	get mapping(): SurveyMapping {
		return {
			idColumn: this.idColumn,
			places: this.places.filter((p) => p.include).map(({ include: _, ...p }) => p),
			period: this.period.trim() || null,
			consent: $state.snapshot(this.consent)
		};
	}

	/** Reads the file (and, for a workbook of several sheets, the chosen sheet). */
	async read(file: File, sheet?: string): Promise<void> {
		this.#file = file;
		this.#problem = null;
		this.#busy = true;
		try {
			const r = await readSurveyFile(file, sheet);
			if (!r.ok) {
				this.#problem = r.problem;
				if (r.problem.kind === 'several-sheets') this.#sheets = r.problem.sheets;
				return;
			}
			this.#table = r.table;
			const suggested = suggestMapping(r.table);
			this.idColumn = suggested.idColumn;
			this.places = suggested.places.map((p) => ({ ...p, include: true }));
			this.#step = 'mapping';
		} finally {
			this.#busy = false;
		}
	}

	async readSheet(sheet: string): Promise<void> {
		if (this.#file) await this.read(this.#file, sheet);
	}

	addPlace(p: PlaceColumn): void {
		this.places.push({ ...p, include: true });
	}

	async preview(): Promise<void> {
		if (!this.#table) return;
		this.#problem = null;
		this.#busy = true;
		try {
			const r = await planSurveyImport(this.#table, this.mapping);
			if (!r.ok) this.#problem = r.problem;
			else {
				this.#plan = r.plan;
				this.#step = 'preview';
			}
		} finally {
			this.#busy = false;
		}
	}

	async run(): Promise<void> {
		if (!this.#plan) return;
		this.#abort = new AbortController();
		this.#cancelled = false;
		this.#step = 'importing';
		this.#progress = { done: 0, total: 1 };
		try {
			this.#outcome = await applySurveyImport(this.#plan, this.mapping, {
				signal: this.#abort.signal,
				progress: (done, total) => (this.#progress = { done, total })
			});
			this.#step = 'done';
		} catch (e) {
			if (!(e instanceof ImportCancelled)) throw e;
			this.#cancelled = true;
			this.#step = 'preview';
		} finally {
			this.#abort = null;
		}
	}

	cancel(): void {
		this.#abort?.abort();
	}

	back(): void {
		this.#problem = null;
		this.#step = this.#step === 'preview' ? 'mapping' : 'file';
	}

	reset(): void {
		this.#step = 'file';
		this.#table = this.#plan = this.#outcome = this.#problem = null;
		this.#sheets = [];
		this.#cancelled = false;
	}
}
