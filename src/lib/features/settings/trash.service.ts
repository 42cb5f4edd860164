import { RECORD_TABLES, type RecordTable } from '$lib/db/db';
import { REPOSITORIES } from '$lib/db/registry';
import { indexKey } from '$lib/db/index-key';
import { db } from '$lib/db/workspace';

export interface TrashItem {
	table: RecordTable;
	id: string;
	deletedAt: number;
	entity: Record<string, unknown>;
}

/** Parts that belong to a record and go to the trash, come back and go for good with it. */
const PARTS: Partial<Record<RecordTable, { table: RecordTable; key: string }[]>> = {
	followAlongs: [
		{ table: 'stops', key: 'followAlongId' },
		{ table: 'fixChunks', key: 'followAlongId' }
	],
	places: [{ table: 'placeRevisions', key: 'placeId' }]
};

/** Tables whose records are shown in the trash only through their owner. */
const HIDDEN: ReadonlySet<RecordTable> = new Set(['fixChunks', 'placeRevisions']);

/**
 * Everything deleted in the workspace, most recently deleted first. A part deleted together with
 * its owner (a day's stops) is shown only through the owner, which restores it.
 */
export async function listTrash(): Promise<TrashItem[]> {
	const all: TrashItem[] = [];
	for (const table of RECORD_TABLES) {
		if (HIDDEN.has(table)) continue;
		for (const entity of await REPOSITORIES[table].trashed()) {
			all.push({ table, id: entity.id, deletedAt: entity.deletedAt ?? 0, entity });
		}
	}
	const owners = new Set(all.map((i) => `${i.table}:${i.id}:${i.deletedAt}`));
	const withOwner = (i: TrashItem) =>
		Object.entries(PARTS).some(([owner, parts]) =>
			parts.some(
				(p) =>
					p.table === i.table && owners.has(`${owner}:${String(i.entity[p.key])}:${i.deletedAt}`)
			)
		);
	return all.filter((i) => !withOwner(i)).sort((a, b) => b.deletedAt - a.deletedAt);
}

/** The ids of a record's parts that were deleted together with it. */
async function partsOf(item: Pick<TrashItem, 'table' | 'id'>, deletedAt?: number | null) {
	const out: { table: RecordTable; ids: string[] }[] = [];
	for (const part of PARTS[item.table] ?? []) {
		const rows = await db()
			.recordTable(part.table)
			.where(part.key)
			.equals(indexKey(item.id))
			.toArray();
		// When a part went to the trash is sealed: the rows are opened to match the owner's.
		const ids =
			deletedAt === undefined
				? rows.map((r) => r.id)
				: (await REPOSITORIES[part.table].fromRows(rows))
						.filter((e) => e.deletedAt === deletedAt)
						.map((e) => e.id);
		out.push({ table: part.table, ids });
	}
	return out;
}

export async function restoreItem(item: Pick<TrashItem, 'table' | 'id'>): Promise<void> {
	const repo = REPOSITORIES[item.table];
	const owner = await repo.require(item.id);
	for (const part of await partsOf(item, owner.deletedAt))
		for (const id of part.ids) await REPOSITORIES[part.table].restore(id);
	await repo.restore(item.id);
}

export async function purgeItem(item: Pick<TrashItem, 'table' | 'id'>): Promise<void> {
	for (const part of await partsOf(item))
		for (const id of part.ids) await REPOSITORIES[part.table].purge(id);
	await REPOSITORIES[item.table].purge(item.id);
}

export async function emptyTrash(items: Pick<TrashItem, 'table' | 'id'>[]): Promise<void> {
	for (const item of items) await purgeItem(item);
}
