import { RECORD_TABLES, type RecordTable } from '$lib/db/db';
import { REPOSITORIES } from '$lib/db/registry';

export interface TrashItem {
	table: RecordTable;
	id: string;
	deletedAt: number;
	entity: Record<string, unknown>;
}

/** Everything deleted in the workspace, most recently deleted first. */
export async function listTrash(): Promise<TrashItem[]> {
	const all: TrashItem[] = [];
	for (const table of RECORD_TABLES) {
		for (const entity of await REPOSITORIES[table].trashed()) {
			all.push({ table, id: entity.id, deletedAt: entity.deletedAt ?? 0, entity });
		}
	}
	return all.sort((a, b) => b.deletedAt - a.deletedAt);
}

export async function restoreItem(item: Pick<TrashItem, 'table' | 'id'>): Promise<void> {
	await REPOSITORIES[item.table].restore(item.id);
}

export async function purgeItem(item: Pick<TrashItem, 'table' | 'id'>): Promise<void> {
	await REPOSITORIES[item.table].purge(item.id);
}

export async function emptyTrash(items: Pick<TrashItem, 'table' | 'id'>[]): Promise<void> {
	for (const item of items) await purgeItem(item);
}
