import type { ExchangeRecord } from '$lib/domain/exchange/merge';
import type { Resolution } from '$lib/domain/exchange/resolve';
import * as codec from '$lib/db/codec';
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
 * Ids, never content (the screen looks the records up to show them); who made the package is a
 * colleague's display name, so the log is sealed through the codec like a record's payload.
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

const CONTEXT = { table: 'meta', id: KEY, v: 1 };

export async function importLog(): Promise<ImportLogEntry[]> {
	const stored = await getMeta<unknown>(KEY);
	if (stored === undefined) return [];
	// Written in the clear before version 10: read as it is until the next unlock seals it.
	if (Array.isArray(stored)) return stored as ImportLogEntry[];
	return ((await codec.open(CONTEXT, stored)) as { entries: ImportLogEntry[] }).entries;
}

/** Seals a log kept in the clear before version 10 (at unlock, vault.service.ts). */
export async function sealPlainImportLog(): Promise<void> {
	const stored = await getMeta<unknown>(KEY);
	if (Array.isArray(stored)) await setMeta(KEY, await codec.seal(CONTEXT, { entries: stored }));
}

export async function remember(entry: ImportLogEntry): Promise<void> {
	const entries = [entry, ...(await importLog())].slice(0, KEEP);
	await setMeta(KEY, await codec.seal(CONTEXT, { entries }));
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
