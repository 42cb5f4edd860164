import type { NamedPlaceContent } from '$lib/domain/named-places/named-place';
import { isLive } from '$lib/domain/places/place';
import { neighbourhoodOfCode } from '$lib/domain/participants/participant';
import { contentKey } from '$lib/domain/survey/ids';
import type { SurveyMapping } from '$lib/domain/survey/mapping';
import { planSurvey, type PlanResult, type SurveyPlan } from '$lib/domain/survey/plan';
import { readSurvey } from '$lib/domain/survey/read';
import type { ReadResult, SurveyTable } from '$lib/domain/survey/table';
import { writeTransaction } from '$lib/db/commit';
import type { Row } from '$lib/db/db';
import { namedPlacesRepo } from '$lib/db/named-places.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { placesRepo } from '$lib/db/places.repo';
import { getSettings } from '$lib/db/settings.repo';
import { db, identity } from '$lib/db/workspace';
import { newId } from '$lib/domain/records/ids';

/*
 * Importing a survey export (docs/interviews-and-survey.md): read the file, plan against the
 * workspace (domain/survey/plan.ts), then write the new participants and named places in one
 * transaction. Positions never leave the plan: what is written is the cell.
 */

export class ImportCancelled extends Error {
	override readonly name = 'ImportCancelled';
}

export async function readSurveyFile(
	file: Blob & { name: string },
	sheet?: string
): Promise<ReadResult> {
	const start = performance.now();
	const read = await readSurvey(file.name, new Uint8Array(await file.arrayBuffer()), sheet);
	performance.measure('stedsans:survey:read', { start });
	return read;
}

/** The plan of importing `table` with `mapping` into this workspace; writes nothing. */
export async function planSurveyImport(
	table: SurveyTable,
	mapping: SurveyMapping
): Promise<PlanResult> {
	const start = performance.now();
	const [participants, places, settings] = await Promise.all([
		participantsRepo.list(),
		placesRepo.list(),
		getSettings()
	]);
	const planned = planSurvey(table, mapping, {
		participants: new Map(
			participants.map((p) => [
				p.code.toUpperCase(),
				{ id: p.id, consent: p.consent, withdrawn: p.withdrawnAt !== null }
			])
		),
		glossary: new Set(places.filter(isLive).map((p) => p.id)),
		resolution: settings.noteCellResolution,
		fileKey: contentKey(JSON.stringify([table.columns, table.rows]))
	});
	// Measured for the browser benchmark (bench/browser/survey-import.bench.ts).
	performance.measure('stedsans:survey:plan', { start });
	return planned;
}

export interface ImportOutcome {
	participantsAdded: number;
	placesAdded: number;
	/** Answers already imported from this file before: left as they are. */
	placesKept: number;
}

/** Records sealed at a time between two looks at Cancel and two progress reports. */
const BATCH = 2_000;

/**
 * Writes a plan, all or nothing: participants for the new codes (pseudonymous, with the survey's
 * consent, recorded as given in writing at import) and the named places not already here.
 * Each record is validated and sealed by its repository (`toRow`), many at once, in batches with
 * progress and Cancel; then one transaction puts each table's rows in one bulkPut (a transaction
 * ends when it waits on WebCrypto, so sealing cannot happen inside it). Nothing is read row by
 * row: which answers are here already is one read of the table's keys.
 */
export async function applySurveyImport(
	plan: SurveyPlan,
	mapping: SurveyMapping,
	opts: {
		signal?: AbortSignal;
		progress?: (done: number, total: number) => void;
		now?: number;
	} = {}
): Promise<ImportOutcome> {
	const start = performance.now();
	const now = opts.now ?? Date.now();
	const check = () => {
		if (opts.signal?.aborted) throw new ImportCancelled();
	};
	const byCode = new Map((await participantsRepo.list()).map((p) => [p.code.toUpperCase(), p.id]));
	const record = { givenAt: now, form: 'written' as const, sheetVersion: 'survey' };
	const who = identity();
	const meta = {
		...who,
		createdAt: now,
		updatedAt: now,
		deletedAt: null,
		rev: { [who.deviceId]: 1 }
	};
	// Built whole and validated once, by `toRow`: at 10,000 respondents a second parse shows.
	const people = plan.newCodes.map((code) => {
		const p = {
			...meta,
			id: newId(),
			code,
			neighbourhood: neighbourhoodOfCode(code),
			consent: mapping.consent,
			consentRecord: record,
			consentHistory: [{ at: now, consent: mapping.consent, record, withdrawn: false }],
			withdrawnAt: null
		};
		byCode.set(code.toUpperCase(), p.id);
		return p;
	});
	const here = new Set((await db().namedPlaces.toCollection().primaryKeys()) as string[]);
	const fresh = plan.answers.filter((a) => !here.has(a.id));
	const places = fresh.map((a) => {
		const content: NamedPlaceContent = {
			participantId: byCode.get(a.code.toUpperCase())!,
			source: 'survey',
			where: a.where,
			activity: a.activity,
			frequency: a.frequency,
			timesOfDay: [],
			withWhom: null,
			feeling: null,
			period: mapping.period,
			note: '',
			interviewId: null,
			offsetMs: null
		};
		return { ...content, ...meta, id: a.id };
	});
	const total = people.length + places.length;
	const sealed = async <T>(entities: T[], toRow: (e: T) => Promise<Row>, before: number) => {
		const rows: Row[] = [];
		for (let i = 0; i < entities.length; i += BATCH) {
			check();
			rows.push(...(await Promise.all(entities.slice(i, i + BATCH).map(toRow))));
			opts.progress?.(before + rows.length, total);
		}
		return rows;
	};
	const sealing = performance.now();
	const participantRows = await sealed(people, (p) => participantsRepo.toRow(p), 0);
	const placeRows = await sealed(places, (p) => namedPlacesRepo.toRow(p), people.length);
	check();
	// The write's parts, for the bench: validating and sealing, then the transaction.
	performance.measure('stedsans:survey:seal', { start: sealing });
	const putting = performance.now();
	await writeTransaction(['participants', 'namedPlaces'], async () => {
		await db().participants.bulkAdd(participantRows);
		await db().namedPlaces.bulkAdd(placeRows);
	});
	performance.measure('stedsans:survey:put', { start: putting });
	performance.measure('stedsans:survey:write', { start });
	return {
		participantsAdded: people.length,
		placesAdded: placeRows.length,
		placesKept: plan.answers.length - fresh.length
	};
}
