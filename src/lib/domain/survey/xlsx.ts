import readXlsxFile from 'read-excel-file/universal';
import { checkTable, type ReadResult } from './table';

/**
 * An XLSX export (Kobo, ODK Central, REDCap). Kobo writes a repeat group to a sheet of its own, so
 * a workbook of several sheets is not guessed at: the sheet is chosen, by name.
 */
export async function readXlsx(bytes: ArrayBuffer, sheet?: string): Promise<ReadResult> {
	let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
	try {
		sheets = await readXlsxFile(bytes);
	} catch {
		return { ok: false, problem: { kind: 'not-xlsx' } };
	}
	if (sheets.length === 0) return { ok: false, problem: { kind: 'empty' } };
	const chosen =
		sheet !== undefined
			? sheets.find((s) => s.sheet === sheet)
			: sheets.length === 1
				? sheets[0]
				: undefined;
	if (!chosen)
		return { ok: false, problem: { kind: 'several-sheets', sheets: sheets.map((s) => s.sheet) } };
	const cells = chosen.data.map((row) =>
		row.map((v) =>
			v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v)
		)
	);
	return checkTable('xlsx', cells);
}
