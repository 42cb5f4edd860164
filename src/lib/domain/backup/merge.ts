import type { RecordMeta } from '../records/record';

export type MergeDecision = 'add' | 'update' | 'keep-local' | 'same';

/** Backup restore: a record not here is added; otherwise the newer `updatedAt` wins. */
export function decide(
	incoming: Pick<RecordMeta, 'updatedAt'>,
	existing: Pick<RecordMeta, 'updatedAt'> | undefined
): MergeDecision {
	if (!existing) return 'add';
	if (incoming.updatedAt > existing.updatedAt) return 'update';
	if (incoming.updatedAt < existing.updatedAt) return 'keep-local';
	return 'same';
}

export interface MergeSummary {
	added: number;
	updated: number;
	/** Records where this device has a newer version than the file: kept, and counted so nothing is silent. */
	keptLocal: number;
	same: number;
}

export function emptySummary(): MergeSummary {
	return { added: 0, updated: 0, keptLocal: 0, same: 0 };
}

export function tally(summary: MergeSummary, d: MergeDecision): void {
	if (d === 'add') summary.added++;
	else if (d === 'update') summary.updated++;
	else if (d === 'keep-local') summary.keptLocal++;
	else summary.same++;
}
