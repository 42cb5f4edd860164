import { afterAll, bench, describe } from 'vitest';
import { suggestMapping } from '$lib/domain/survey/mapping';
import { readSurvey } from '$lib/domain/survey/read';
import { db } from '$lib/db/workspace';
import { BENCH_QUESTIONS, koboBenchCsv } from '$lib/testing/survey-bench-data';
import { freshWorkspace, dropWorkspace } from '$lib/testing/workspace';
import { applySurveyImport, planSurveyImport } from './survey-import.service';

/**
 * Importing a Kobo-shaped CSV of 10,000 respondents × 5 places (issue 17: ≤ 2 s): read, mapped,
 * planned (every answer snapped to its cell) and written in one transaction through the
 * repositories (fake-indexeddb in node). The baseline, in the same run, is parsing the same file
 * alone (papaparse and the checks of the table).
 */
const RESPONDENTS = 10_000;

const bytes = new TextEncoder().encode(koboBenchCsv(RESPONDENTS));
const consent = { location: 'cell' as const, followAlong: false, aggregate: true };
let written = 0;

describe(`survey import: ${RESPONDENTS} respondents × ${BENCH_QUESTIONS.length} places`, () => {
	bench(
		'parse the file alone (baseline)',
		async () => {
			const r = await readSurvey('kobo.csv', bytes);
			if (!r.ok) throw new Error(JSON.stringify(r.problem));
		},
		{ iterations: 3, warmupIterations: 1, time: 0 }
	);

	bench(
		'import: read, map, plan, write',
		async () => {
			const name = await freshWorkspace();
			const r = await readSurvey('kobo.csv', bytes);
			if (!r.ok) throw new Error(JSON.stringify(r.problem));
			const mapping = { ...suggestMapping(r.table), consent };
			const planned = await planSurveyImport(r.table, mapping);
			if (!planned.ok) throw new Error(JSON.stringify(planned.problem));
			await applySurveyImport(planned.plan, mapping);
			written = await db().namedPlaces.count();
			await dropWorkspace(name);
		},
		{ iterations: 3, warmupIterations: 1, time: 0 }
	);
});

afterAll(() => {
	console.info(`survey import: ${written} named places written, ${bytes.length} bytes`);
});
