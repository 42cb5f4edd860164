import type { ExchangeRecord, ImportPlan } from '$lib/domain/exchange/merge';
import type { Resolution } from '$lib/domain/exchange/resolve';
import { creationRevision } from '$lib/domain/places/created';
import { revisionFor } from '$lib/domain/places/history';
import { placeContent, type PlaceContent } from '$lib/domain/places/place';
import { change, commit } from '$lib/db/commit';
import { placeRevisionsRepo } from '$lib/db/places.repo';
import { identity } from '$lib/db/workspace';
import { EXCHANGE_TABLES, repoOf, type ExchangeTable } from './exchange-tables.service';
import { remember, type ImportLogEntry } from './import-log.service';
import { applyPurges } from '$lib/features/notes/tombstones.service';
import {
	resolveOne,
	toEntity,
	UnresolvedConflictsError,
	type ImportConflict,
	type ImportPreview
} from './package-import.service';

/**
 * A place whose content a resolution changed gets a revision, as any other change of a place
 * does: the history then shows who settled the conflict, when, and what it changed here.
 */
function resolutionRevisions(
	item: ImportConflict,
	resolved: ExchangeRecord,
	copy: ExchangeRecord | undefined,
	now: number
): object[] {
	if (item.table !== 'places') return [];
	const { authorId } = identity();
	const out: object[] = [];
	const before = toEntity('places', item.conflict.local) as PlaceContent;
	const after = toEntity('places', resolved) as PlaceContent & { deletedAt: number | null };
	const edit =
		after.deletedAt === null
			? revisionFor(resolved.id, placeContent(before), placeContent(after), authorId, now)
			: null;
	if (edit) out.push(placeRevisionsRepo.prepare(edit, now));
	if (copy) {
		const content = placeContent(toEntity('places', copy) as PlaceContent);
		out.push(placeRevisionsRepo.prepare(creationRevision(copy.id, content, authorId, now), now));
	}
	return out;
}

export interface ApplyResult {
	entry: ImportLogEntry;
}

/**
 * Writes an import: the planned records and every conflict's resolution, in one transaction.
 * Either all of it is stored or none of it (a full disk, a record that fails validation).
 * What was settled is remembered in the import log.
 */
export async function applyPackageImport(
	preview: ImportPreview,
	resolutions: ReadonlyMap<string, Resolution>,
	copySuffix: string,
	now = Date.now()
): Promise<ApplyResult> {
	const open = preview.conflicts.filter((c) => !resolutions.has(c.key)).length;
	if (open) throw new UnresolvedConflictsError(open);
	performance.mark('stedsans:import:write');
	const entities = new Map<ExchangeTable, object[]>(EXCHANGE_TABLES.map((t) => [t, []]));
	for (const [table, plan] of Object.entries(preview.plans) as [ExchangeTable, ImportPlan][])
		for (const record of plan.writes) entities.get(table)!.push(toEntity(table, record));

	const { deviceId, authorId } = identity();
	const settled: ImportLogEntry['resolutions'] = [];
	for (const item of preview.conflicts) {
		const choice = resolutions.get(item.key)!;
		const { writes, copyId } = resolveOne(item, choice, {
			deviceId,
			authorId,
			now,
			copySuffix,
			from: preview.header.madeBy.displayName
		});
		for (const record of writes) entities.get(item.table)!.push(toEntity(item.table, record));
		const copy = writes.find((w) => w.id === copyId);
		entities.get('placeRevisions')!.push(...resolutionRevisions(item, writes[0]!, copy, now));
		settled.push({ table: item.table, id: item.conflict.id, choice, copyId });
	}

	const purged = preview.purges.deleteHere;
	await commit(
		EXCHANGE_TABLES.map((t) => change(repoOf(t), entities.get(t)!)),
		{ tables: [...purged.keys()], write: () => applyPurges(preview.purges) }
	);
	performance.measure('stedsans:import:commit', 'stedsans:import:write');
	const entry: ImportLogEntry = {
		at: now,
		madeBy: {
			displayName: preview.header.madeBy.displayName,
			deviceId: preview.header.madeBy.deviceId
		},
		madeAt: preview.header.madeAt,
		counts: preview.counts,
		resolutions: settled
	};
	await remember(entry);
	return { entry };
}
