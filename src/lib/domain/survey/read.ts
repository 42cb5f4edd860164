import { readCsv, readGeoJson, type ReadResult } from './table';
import { readXlsx } from './xlsx';

/** The formats a survey export comes in, by the file's ending. */
export const SURVEY_EXTENSIONS = ['.csv', '.xlsx', '.geojson', '.json'] as const;

/** Reads a survey export by its ending; an XLSX of several sheets needs `sheet`. */
export async function readSurvey(
	name: string,
	bytes: Uint8Array,
	sheet?: string
): Promise<ReadResult> {
	const lower = name.toLowerCase();
	if (lower.endsWith('.xlsx')) return readXlsx(bytes.slice().buffer, sheet);
	if (lower.endsWith('.geojson') || lower.endsWith('.json'))
		return readGeoJson(new TextDecoder().decode(bytes));
	return readCsv(bytes);
}
