import { ExportScanner, type Finding, type IdentifierKind } from '$lib/domain/identifiers';
import { getSettings } from '$lib/db/settings.repo';

/** Records by table, in the JSON form an export writes them. */
export type ExportRecords = Record<string, readonly (Record<string, unknown> & { id: string })[]>;

export interface ScanResult {
	/** The first MAX_LISTED findings, in export order. */
	findings: Finding[];
	/** How many there are in all (a summary can say "and 480 more"). */
	total: number;
	/** How many of each kind, over all of them. */
	counts: Partial<Record<IdentifierKind, number>>;
}

/** A list longer than this helps no one; the summary says how many more there are. */
export const MAX_LISTED = 200;
const BATCH = 250;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Scans what an export is about to write, record by record, for direct identifiers (with the
 * workspace's list of names that must never appear). Long exports are scanned in batches that
 * give the screen room to draw a progress bar; `onProgress` gets the share done, 0–1.
 */
export async function scanExport(
	records: ExportRecords,
	onProgress?: (done: number) => void
): Promise<ScanResult> {
	const scanner = new ExportScanner({
		names: (await getSettings()).forbiddenNames,
		now: Date.now()
	});
	const all = Object.values(records).reduce((n, rows) => n + rows.length, 0);
	const findings: Finding[] = [];
	const counts: ScanResult['counts'] = {};
	let total = 0;
	let seen = 0;
	for (const [table, rows] of Object.entries(records)) {
		for (const record of rows) {
			for (const f of scanner.scan(table, record)) {
				if (findings.length < MAX_LISTED) findings.push(f);
				counts[f.kind] = (counts[f.kind] ?? 0) + 1;
				total++;
			}
			if (++seen % BATCH === 0) {
				onProgress?.(seen / all);
				await pause();
			}
		}
	}
	onProgress?.(1);
	return { findings, total, counts };
}
