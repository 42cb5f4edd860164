import type { ExchangeRecord } from '$lib/domain/exchange/merge';
import type { Resolution } from '$lib/domain/exchange/resolve';
import { getMeta, setMeta } from '$lib/db/workspace';
import { repoOf, type ExchangeTable } from './exchange-tables.service';

export interface ImportCounts {
	added: number;
	updated: number;
	deleted: number;
	restored: number;
	keptLocal: number;
	same: number;
	conflicts: number;
}

/**
 * What one import did, kept so the team can see later which conflicts were settled and how.
 * Only ids, never content: the meta table is not sealed like records are, so names and note
 * text stay out of it; the screen looks the records up to show them.
 */
export interface ImportLogEntry {
	at: number;
	madeBy: { displayName: string; deviceId: string };
	madeAt: number;
	counts: ImportCounts;
	resolutions: { table: ExchangeTable; id: string; choice: Resolution; copyId: string | null }[];
}

const KEY = 'teamImports';
const KEEP = 20;

export async function importLog(): Promise<ImportLogEntry[]> {
	return (await getMeta<ImportLogEntry[]>(KEY)) ?? [];
}

export async function remember(entry: ImportLogEntry): Promise<void> {
	await setMeta(KEY, [entry, ...(await importLog())].slice(0, KEEP));
}

/** The records an import log names, as they are now (a record since purged is missing). */
export async function loggedRecords(
	entries: readonly ImportLogEntry[]
): Promise<Map<string, ExchangeRecord>> {
	const out = new Map<string, ExchangeRecord>();
	for (const { resolutions } of entries)
		for (const { table, id } of resolutions) {
			const repo = repoOf(table);
			const found = await repo.get(id);
			if (found) out.set(`${table}:${id}`, repo.toJson(found) as ExchangeRecord);
		}
	return out;
}
