import { describe, expect, it } from 'vitest';
import { resolutionOfCell } from '$lib/domain/named-places/named-place';
import { suggestMapping, type SurveyMapping } from '$lib/domain/survey/mapping';
import type { SurveyTable } from '$lib/domain/survey/table';
import { RECORD_TABLES } from '$lib/db/db';
import { namedPlacesRepo } from '$lib/db/named-places.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { db } from '$lib/db/workspace';
import { participant } from '$lib/testing/follow-alongs';
import { useFreshWorkspace } from '$lib/testing/workspace';
import {
	applySurveyImport,
	ImportCancelled,
	planSurveyImport,
	readSurveyFile
} from './survey-import.service';

useFreshWorkspace();

const KOBO = [
	'study_id,_sleep_latitude,_sleep_longitude,_sleep_precision,_buy_latitude,_buy_longitude,_buy_precision',
	'VB-101,55.670213,12.555937,8,55.664871,12.551633,12',
	'NV-102,55.704622,12.529811,6,,,',
	'SH-103,55.658517,12.599342,600,55.658611,12.599012,5'
].join('\n');

const file = (text: string, name = 'kobo.csv') => new File([text], name);

async function plan(text: string) {
	const read = await readSurveyFile(file(text));
	if (!read.ok) throw new Error(JSON.stringify(read.problem));
	const mapping: SurveyMapping = {
		...suggestMapping(read.table),
		consent: { location: 'cell', followAlong: false, aggregate: true }
	};
	const r = await planSurveyImport(read.table, mapping);
	if (!r.ok) throw new Error(JSON.stringify(r.problem));
	return { plan: r.plan, mapping, table: read.table as SurveyTable };
}

async function dump(): Promise<string> {
	const out: Record<string, unknown> = {};
	for (const t of RECORD_TABLES) out[t] = await db().recordTable(t).toArray();
	return JSON.stringify(out);
}

describe('importing a survey', () => {
	it('creates pseudonymous participants with the survey’s consent, matches known codes, writes cells', async () => {
		const known = await participant('VB-101');
		const { plan: p, mapping } = await plan(KOBO);
		expect(p).toMatchObject({ respondents: 3, matched: 1, newCodes: ['NV-102', 'SH-103'] });
		const r = await applySurveyImport(p, mapping);
		expect(p.rejected).toEqual([
			{ row: 4, column: '_sleep_latitude', reason: 'imprecise', accuracy: 600 }
		]);
		expect(r).toEqual({ participantsAdded: 2, placesAdded: 4, placesKept: 0 });
		const people = await participantsRepo.list();
		expect(people.map((x) => x.code).sort()).toEqual(['NV-102', 'SH-103', 'VB-101']);
		const sh = people.find((x) => x.code === 'SH-103')!;
		expect(sh).toMatchObject({ neighbourhood: 'sundholm', consent: mapping.consent });
		expect(sh.consentRecord).toMatchObject({ form: 'written', sheetVersion: 'survey' });
		const places = await namedPlacesRepo.list();
		expect(
			places
				.filter((x) => x.participantId === known.id)
				.map((x) => x.activity)
				.sort()
		).toEqual(['buy', 'sleep']);
		expect(places.every((x) => x.source === 'survey')).toBe(true);
	});

	it('leaves no coordinate finer than the cell in IndexedDB', async () => {
		const { plan: p, mapping } = await plan(KOBO);
		await applySurveyImport(p, mapping);
		const all = await dump();
		// no latitude or longitude of Copenhagen, as a number or in a text, anywhere
		expect(all).not.toMatch(/5[56]\.\d{2,}|12\.\d{3,}/);
		for (const n of await namedPlacesRepo.list()) {
			expect(n.where.kind).toBe('cell');
			if (n.where.kind === 'cell') expect(resolutionOfCell(n.where.cell)).toBeLessThanOrEqual(8);
		}
	});

	it('importing the same file again changes nothing', async () => {
		const first = await plan(KOBO);
		await applySurveyImport(first.plan, first.mapping);
		const before = await dump();
		const again = await plan(KOBO);
		expect(again.plan.newCodes).toEqual([]);
		expect(await applySurveyImport(again.plan, again.mapping)).toEqual({
			participantsAdded: 0,
			placesAdded: 0,
			placesKept: 4
		});
		expect(await dump()).toBe(before);
	});

	it('Cancel writes nothing', async () => {
		const { plan: p, mapping } = await plan(KOBO);
		const stop = new AbortController();
		stop.abort();
		await expect(applySurveyImport(p, mapping, { signal: stop.signal })).rejects.toBeInstanceOf(
			ImportCancelled
		);
		expect(await db().participants.count()).toBe(0);
		expect(await db().namedPlaces.count()).toBe(0);
	});

	it('a file with a problem is refused before anything is written', async () => {
		const read = await readSurveyFile(file(`${KOBO}\nVB-101,12.5,55.6,5,,,`));
		if (!read.ok) throw new Error('read');
		const r = await planSurveyImport(read.table, {
			...suggestMapping(read.table),
			consent: { location: 'cell', followAlong: false, aggregate: true }
		});
		expect(r).toMatchObject({ ok: false, problem: { kind: 'conflicting-answers', row: 5 } });
		expect(await db().namedPlaces.count()).toBe(0);
	});
});
