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
	return readSurvey(file.name, new Uint8Array(await file.arrayBuffer()), sheet);
}

/** The plan of importing `table` with `mapping` into this workspace; writes nothing. */
export async function planSurveyImport(
	table: SurveyTable,
	mapping: SurveyMapping
): Promise<PlanResult> {
	const [participants, places, settings] = await Promise.all([
		participantsRepo.list(),
		placesRepo.list(),
		getSettings()
	]);
	return planSurvey(table, mapping, {
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
}

export interface ImportOutcome {
	participantsAdded: number;
	placesAdded: number;
	/** Answers already imported from this file before: left as they are. */
	placesKept: number;
}

const BATCH = 500;

/**
 * Writes a plan, all or nothing: participants for the new codes (pseudonymous, with the survey's
 * consent, recorded as given in writing at import) and the named places not already here.
 * Sealing goes in batches, with progress and Cancel; the one transaction comes after it.
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
	const now = opts.now ?? Date.now();
	const check = () => {
		if (opts.signal?.aborted) throw new ImportCancelled();
	};
	const byCode = new Map((await participantsRepo.list()).map((p) => [p.code.toUpperCase(), p.id]));
	const record = { givenAt: now, form: 'written' as const, sheetVersion: 'survey' };
	const meta = () => ({
		...identity(),
		createdAt: now,
		updatedAt: now,
		deletedAt: null,
		rev: { [identity().deviceId]: 1 }
	});
	// Built whole and validated once, by `toRow`: at 10,000 respondents a second parse shows.
	const people = plan.newCodes.map((code) => {
		const p = {
			...meta(),
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
	const existing = new Set(
		await db()
			.namedPlaces.where('id')
			.anyOf(plan.answers.map((a) => a.id))
			.primaryKeys()
	);
	const fresh = plan.answers.filter((a) => !existing.has(a.id));
	const total = people.length + fresh.length;
	const participantRows = await Promise.all(people.map((p) => participantsRepo.toRow(p)));
	const placeRows: Row[] = [];
	opts.progress?.(people.length, total);
	for (let i = 0; i < fresh.length; i += BATCH) {
		check();
		const batch = fresh.slice(i, i + BATCH).map((a) => {
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
			return namedPlacesRepo.toRow({ ...content, ...meta(), id: a.id });
		});
		placeRows.push(...(await Promise.all(batch)));
		opts.progress?.(people.length + placeRows.length, total);
	}
	check();
	await writeTransaction(['participants', 'namedPlaces'], async () => {
		await db().participants.bulkPut(participantRows);
		await db().namedPlaces.bulkPut(placeRows);
	});
	return {
		participantsAdded: people.length,
		placesAdded: placeRows.length,
		placesKept: existing.size
	};
}
