/**
 * CSV in the two forms analysts open: `standard` (RFC 4180: commas, a decimal point) and
 * `excel-da`, what Excel with Danish regional settings reads without an import wizard
 * (semicolons between fields, a decimal comma). Both are UTF-8 with a byte-order mark, so Excel
 * and SPSS read Danish letters right, and CRLF line ends. A cell that starts like a formula is
 * prefixed with an apostrophe (CSV injection, OWASP).
 */
export type CsvDialect = 'standard' | 'excel-da';

export type CsvValue = string | number | null;

const SEPARATOR: Record<CsvDialect, string> = { standard: ',', 'excel-da': ';' };

export function toCsv(rows: readonly (readonly CsvValue[])[], dialect: CsvDialect): string {
	const sep = SEPARATOR[dialect];
	const cell = (v: CsvValue): string => {
		if (v === null) return '';
		let s = typeof v === 'number' ? formatNumber(v, dialect) : v;
		if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
		return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return '\uFEFF' + rows.map((r) => r.map(cell).join(sep)).join('\r\n') + '\r\n';
}

/** A number as the dialect writes it: no thousands separator, the decimal mark of the dialect. */
function formatNumber(n: number, dialect: CsvDialect): string {
	const s = Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
	return dialect === 'excel-da' ? s.replace('.', ',') : s;
}
