import { latLngToCell } from 'h3-js';
import { cellEdgeMetres } from '../geo/cells';
import type { CellResolution } from '../geo/cell-schema';
import type { Activity, Frequency, NamedPlaceWhere } from '../named-places/named-place';
import { namedCellResolution } from '../named-places/precision';
import { ParticipantCode, type Consent } from '../participants/participant';
import {
	activityOf,
	frequencyOf,
	inCopenhagen,
	looksSwapped,
	parseGeopoint,
	parseNumber,
	type Position
} from './answers';
import { derivedId } from './ids';
import { mappedColumns, type PlaceColumn, type SurveyMapping } from './mapping';
import { rowNumber, type SurveyTable } from './table';

/*
 * What importing a survey would do, decided before anything is written: respondents matched to
 * participants by code or new, each place answer snapped to its cell (the position goes no
 * further than this function) or refused. A problem in the file stops the whole import and is
 * named by row and column; an answer the maps cannot take (less precise than the cell, outside
 * Copenhagen, no consent to locations) is left out and counted.
 */

export type PlanProblem =
	| { kind: 'no-id-column' }
	| { kind: 'missing-column'; column: string }
	| { kind: 'no-id'; row: number; column: string }
	| { kind: 'bad-code'; row: number; column: string; value: string }
	| { kind: 'conflicting-answers'; row: number; column: string; firstRow: number }
	| { kind: 'bad-geopoint'; row: number; column: string; value: string }
	| { kind: 'bad-number'; row: number; column: string; value: string }
	| { kind: 'swapped'; row: number; column: string }
	| { kind: 'unknown-place'; row: number; column: string; value: string }
	| { kind: 'unknown-value'; row: number; column: string; value: string };

export type RejectReason = 'imprecise' | 'outside' | 'no-consent' | 'withdrawn';
export interface Rejection {
	row: number;
	column: string;
	reason: RejectReason;
	/** The answer's accuracy in metres, for `imprecise`. */
	accuracy?: number;
}

export interface PlannedAnswer {
	/** From the file's content, the row and the question: the same on every import of the file. */
	id: string;
	code: string;
	where: NamedPlaceWhere;
	activity: Activity;
	frequency: Frequency | null;
}

export interface KnownParticipant {
	id: string;
	consent: Consent;
	withdrawn: boolean;
}

export interface PlanContext {
	/** Participants of the workspace by code, upper case. */
	participants: ReadonlyMap<string, KnownParticipant>;
	/** Live glossary place ids. */
	glossary: ReadonlySet<string>;
	/** The workspace's cell resolution (what consent to cells allows). */
	resolution: CellResolution;
	/** The identity of the file's content (`contentKey`). */
	fileKey: string;
}

export interface SurveyPlan {
	respondents: number;
	/** Codes of respondents with no participant yet: created with the survey's consent. */
	newCodes: string[];
	matched: number;
	answers: PlannedAnswer[];
	rejected: Rejection[];
}

export type PlanResult = { ok: true; plan: SurveyPlan } | { ok: false; problem: PlanProblem };

class Stop extends Error {
	constructor(readonly problem: PlanProblem) {
		super(problem.kind);
	}
}

/** Reads one place answer of a row; null when the respondent left it empty. */
function position(
	p: PlaceColumn,
	cell: (c: string) => string,
	row: number,
	decimalComma: boolean
): Position | null {
	const s = p.source;
	if (s.kind === 'geopoint') {
		const v = cell(s.column);
		if (v === '') return null;
		const pos = parseGeopoint(v);
		if (!pos) throw new Stop({ kind: 'bad-geopoint', row, column: s.column, value: v });
		return pos;
	}
	if (s.kind !== 'latlon') return null;
	const [a, b] = [cell(s.lat), cell(s.lon)];
	if (a === '' && b === '') return null;
	const num = (column: string, v: string) => {
		const n = parseNumber(v, decimalComma);
		if (n === null) throw new Stop({ kind: 'bad-number', row, column, value: v });
		return n;
	};
	const acc = s.precision && cell(s.precision) !== '' ? num(s.precision, cell(s.precision)) : null;
	return { lat: num(s.lat, a), lon: num(s.lon, b), accuracy: acc };
}

export function planSurvey(
	table: SurveyTable,
	mapping: SurveyMapping,
	ctx: PlanContext
): PlanResult {
	if (!mapping.idColumn) return { ok: false, problem: { kind: 'no-id-column' } };
	const index = new Map(table.columns.map((c, j) => [c, j]));
	for (const column of mappedColumns(mapping))
		if (!index.has(column)) return { ok: false, problem: { kind: 'missing-column', column } };
	const edge = new Map<number, number>();
	const edgeOf = (r: CellResolution) => edge.get(r) ?? edge.set(r, cellEdgeMetres(r)).get(r)!;
	const seen = new Map<string, { row: number; cells: string }>();
	const plan: SurveyPlan = { respondents: 0, newCodes: [], matched: 0, answers: [], rejected: [] };
	const reject = (r: Rejection) => plan.rejected.push(r);
	const columns = mappedColumns(mapping);
	try {
		for (const [i, cells] of table.rows.entries()) {
			const row = rowNumber(i);
			const cell = (c: string) => cells[index.get(c)!]!;
			const raw = cell(mapping.idColumn);
			if (raw === '') throw new Stop({ kind: 'no-id', row, column: mapping.idColumn });
			const code = ParticipantCode.safeParse(raw);
			if (!code.success)
				throw new Stop({ kind: 'bad-code', row, column: mapping.idColumn, value: raw });
			const key = code.data.toUpperCase();
			const answer = columns.map(cell).join('\u0000');
			const before = seen.get(key);
			if (before) {
				if (before.cells === answer) continue;
				throw new Stop({
					kind: 'conflicting-answers',
					row,
					column: mapping.idColumn,
					firstRow: before.row
				});
			}
			seen.set(key, { row, cells: answer });
			plan.respondents++;
			const known = ctx.participants.get(key);
			if (known) plan.matched++;
			else plan.newCodes.push(code.data);
			const consent = known?.consent ?? mapping.consent;
			const resolution = namedCellResolution(consent.location, ctx.resolution);
			for (const p of mapping.places) {
				const where = placeOf(p, cell, row, table.decimalComma, ctx);
				if (where === null) continue;
				const column = p.source.kind === 'latlon' ? p.source.lat : p.source.column;
				if (known?.withdrawn) {
					reject({ row, column, reason: 'withdrawn' });
					continue;
				}
				let snapped: NamedPlaceWhere;
				if ('kind' in where) snapped = where;
				else if (resolution === null) {
					reject({ row, column, reason: 'no-consent' });
					continue;
				} else if (!inCopenhagen(where.lat, where.lon)) {
					reject({ row, column, reason: 'outside' });
					continue;
				} else if (where.accuracy !== null && where.accuracy > edgeOf(resolution)) {
					reject({ row, column, reason: 'imprecise', accuracy: Math.round(where.accuracy) });
					continue;
				} else snapped = { kind: 'cell', cell: latLngToCell(where.lat, where.lon, resolution) };
				plan.answers.push({
					id: derivedId(ctx.fileKey, String(row), p.key),
					code: code.data,
					where: snapped,
					activity: activityIn(p, cell, row),
					frequency: frequencyIn(p, cell, row)
				});
			}
		}
	} catch (e) {
		if (e instanceof Stop) return { ok: false, problem: e.problem };
		throw e;
	}
	return { ok: true, plan };
}

/** The glossary place, the position to snap, or null for an empty answer. */
function placeOf(
	p: PlaceColumn,
	cell: (c: string) => string,
	row: number,
	decimalComma: boolean,
	ctx: PlanContext
): NamedPlaceWhere | Position | null {
	if (p.source.kind === 'glossary') {
		const v = cell(p.source.column);
		if (v === '') return null;
		if (!ctx.glossary.has(v))
			throw new Stop({ kind: 'unknown-place', row, column: p.source.column, value: v });
		return { kind: 'place', placeId: v };
	}
	const pos = position(p, cell, row, decimalComma);
	if (pos && p.source.kind === 'latlon' && looksSwapped(pos.lat, pos.lon))
		throw new Stop({ kind: 'swapped', row, column: p.source.lat });
	if (pos && p.source.kind === 'geopoint' && looksSwapped(pos.lat, pos.lon))
		throw new Stop({ kind: 'swapped', row, column: p.source.column });
	return pos;
}

function activityIn(p: PlaceColumn, cell: (c: string) => string, row: number): Activity {
	if (p.activity.kind === 'fixed') return p.activity.activity;
	const v = cell(p.activity.column);
	const a = activityOf(v);
	if (!a) throw new Stop({ kind: 'unknown-value', row, column: p.activity.column, value: v });
	return a;
}

function frequencyIn(p: PlaceColumn, cell: (c: string) => string, row: number): Frequency | null {
	if (!p.frequency) return null;
	const v = cell(p.frequency);
	if (v === '') return null;
	const f = frequencyOf(v);
	if (!f) throw new Stop({ kind: 'unknown-value', row, column: p.frequency, value: v });
	return f;
}
