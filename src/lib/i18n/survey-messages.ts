import { m } from '$lib/paraglide/messages.js';
import type { PlanProblem } from '$lib/domain/survey/plan';
import type { ReadProblem } from '$lib/domain/survey/table';

/** A survey file's first problem in the user's words, with its row and column. */
export function surveyProblem(p: ReadProblem | PlanProblem): string {
	return m.surveyProblem({ detail: detail(p) });
}

function detail(p: ReadProblem | PlanProblem): string {
	switch (p.kind) {
		case 'empty':
			return m.surveyPbEmpty();
		case 'headers-only':
			return m.surveyPbHeadersOnly();
		case 'encoding':
			return m.surveyPbEncoding(p);
		case 'too-many-rows':
			return m.surveyPbTooMany(p);
		case 'several-sheets':
			return m.surveyPbSheets({ sheets: p.sheets.join(', ') });
		case 'not-xlsx':
			return m.surveyPbNotXlsx();
		case 'not-geojson':
			return m.surveyPbNotGeojson();
		case 'not-points':
			return m.surveyPbNotPoints(p);
		case 'formula':
			return m.surveyPbFormula(p);
		case 'duplicate-column':
			return m.surveyPbDuplicateColumn(p);
		case 'ragged-row':
			return m.surveyPbRagged(p);
		case 'no-id-column':
			return m.surveyPbNoIdColumn();
		case 'missing-column':
			return m.surveyPbMissingColumn(p);
		case 'no-id':
			return m.surveyPbNoId(p);
		case 'bad-code':
			return m.surveyPbBadCode(p);
		case 'conflicting-answers':
			return m.surveyPbConflict(p);
		case 'bad-geopoint':
			return m.surveyPbBadGeopoint(p);
		case 'bad-number':
			return m.surveyPbBadNumber(p);
		case 'swapped':
			return m.surveyPbSwapped(p);
		case 'unknown-place':
			return m.surveyPbUnknownPlace(p);
		case 'unknown-value':
			return m.surveyPbUnknownValue(p);
	}
}
