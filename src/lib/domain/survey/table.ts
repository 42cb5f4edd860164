import Papa from 'papaparse';

/*
 * A survey export read into one table of text cells, whatever the file: a CSV as KoboToolbox,
 * ODK Central or REDCap write it (comma or, from a Danish Excel, semicolon), an XLSX sheet
 * (xlsx.ts) or a GeoJSON of points. Every problem names where it is: the row as a spreadsheet
 * shows it (the header is row 1) and the column's heading.
 */

/** Rows a survey import takes: ten times the study's survey, far under what a phone can hold. */
export const MAX_SURVEY_ROWS = 50_000;
/** The GeoJSON point of a feature, as two columns the mapping can choose. */
export const GEOMETRY_LAT = 'geometry latitude';
export const GEOMETRY_LON = 'geometry longitude';

export type SurveyFormat = 'csv' | 'xlsx' | 'geojson';

export interface SurveyTable {
	format: SurveyFormat;
	columns: string[];
	/** Data rows, cells as text ('' when empty), in the order of `columns`. */
	rows: string[][];
	/** Semicolon-separated files write decimal commas (55,6649). */
	decimalComma: boolean;
}

export type ReadProblem =
	| { kind: 'empty' }
	| { kind: 'headers-only' }
	| { kind: 'encoding'; row: number; column: string }
	| { kind: 'too-many-rows'; rows: number; max: number }
	| { kind: 'several-sheets'; sheets: string[] }
	| { kind: 'not-xlsx' }
	| { kind: 'not-geojson'; detail: string }
	| { kind: 'not-points'; row: number; geometry: string }
	| { kind: 'formula'; row: number; column: string }
	| { kind: 'duplicate-column'; column: string }
	| { kind: 'ragged-row'; row: number; cells: number; columns: number };

export type ReadResult = { ok: true; table: SurveyTable } | { ok: false; problem: ReadProblem };

/** The spreadsheet's row number of data row `i` (0-based): the header is row 1. */
export const rowNumber = (i: number): number => i + 2;

/**
 * A cell a spreadsheet would run as a formula (CSV injection, OWASP): `=HYPERLINK(…)`, `@SUM(…)`,
 * `+cmd|…`. A signed number (-12.5) is a number, not a formula.
 */
const FORMULA = /^(=|@[A-Za-z]|[+-](?![\d.,]+$))/;

/** A table of cells, checked: a header, some data, no formula, not too long. */
export function checkTable(
	format: SurveyFormat,
	cells: string[][],
	decimalComma = false
): ReadResult {
	const [header, ...data] = cells.filter((r) => r.some((c) => c.trim() !== ''));
	if (!header) return { ok: false, problem: { kind: 'empty' } };
	if (data.length === 0) return { ok: false, problem: { kind: 'headers-only' } };
	if (data.length > MAX_SURVEY_ROWS)
		return {
			ok: false,
			problem: { kind: 'too-many-rows', rows: data.length, max: MAX_SURVEY_ROWS }
		};
	const columns = header.map((c) => c.trim());
	const seen = new Set<string>();
	for (const c of columns) {
		if (c && seen.has(c)) return { ok: false, problem: { kind: 'duplicate-column', column: c } };
		seen.add(c);
	}
	for (const [i, row] of data.entries()) {
		if (row.length > columns.length)
			return {
				ok: false,
				problem: {
					kind: 'ragged-row',
					row: rowNumber(i),
					cells: row.length,
					columns: columns.length
				}
			};
		for (const [j, cell] of row.entries())
			if (FORMULA.test(cell.trim()))
				return { ok: false, problem: { kind: 'formula', row: rowNumber(i), column: columns[j]! } };
	}
	const rows = data.map((r) => columns.map((_, j) => (r[j] ?? '').trim()));
	return { ok: true, table: { format, columns, rows, decimalComma } };
}

/**
 * A CSV's bytes. UTF-8 only (Kobo, ODK and REDCap write it; Excel's "CSV UTF-8" too): a file in
 * Latin-1 would turn "Søren" into "S?ren" unseen, so it is refused with the first cell that shows it.
 */
export function readCsv(bytes: Uint8Array): ReadResult {
	let text: string;
	let bad = false;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		text = new TextDecoder('utf-8').decode(bytes);
		bad = true;
	}
	text = text.replace(/^\uFEFF/, '');
	if (text.trim() === '') return { ok: false, problem: { kind: 'empty' } };
	const parsed = Papa.parse<string[]>(text, {
		skipEmptyLines: 'greedy',
		delimitersToGuess: [',', ';', '\t']
	});
	const cells = parsed.data;
	if (bad) {
		const columns = cells[0] ?? [];
		for (const [i, row] of cells.entries()) {
			const j = row.findIndex((c) => c.includes('\uFFFD'));
			if (j >= 0)
				return {
					ok: false,
					problem: { kind: 'encoding', row: i + 1, column: columns[j] ?? String(j + 1) }
				};
		}
	}
	return checkTable('csv', cells, parsed.meta.delimiter === ';');
}

interface Feature {
	type?: unknown;
	geometry?: { type?: unknown; coordinates?: unknown } | null;
	properties?: Record<string, unknown> | null;
}

/** A GeoJSON FeatureCollection of points (Kobo's GeoJSON export): properties and the point. */
export function readGeoJson(text: string): ReadResult {
	let doc: { type?: unknown; features?: unknown };
	try {
		doc = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		if (text.trim() === '') return { ok: false, problem: { kind: 'empty' } };
		return { ok: false, problem: { kind: 'not-geojson', detail: (e as Error).message } };
	}
	if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features))
		return { ok: false, problem: { kind: 'not-geojson', detail: 'not a FeatureCollection' } };
	const features = doc.features as Feature[];
	if (features.length === 0) return { ok: false, problem: { kind: 'headers-only' } };
	const keys = new Set<string>();
	for (const [i, f] of features.entries()) {
		const g = f.geometry;
		if (g && g.type !== 'Point')
			return {
				ok: false,
				problem: { kind: 'not-points', row: rowNumber(i), geometry: String(g.type) }
			};
		for (const k of Object.keys(f.properties ?? {})) keys.add(k);
	}
	const props = [...keys];
	const text2 = (v: unknown) =>
		v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
	const cells = [
		[...props, GEOMETRY_LAT, GEOMETRY_LON],
		...features.map((f) => {
			const c = (f.geometry?.coordinates ?? []) as unknown[];
			return [...props.map((k) => text2(f.properties?.[k])), text2(c[1]), text2(c[0])];
		})
	];
	return checkTable('geojson', cells);
}
