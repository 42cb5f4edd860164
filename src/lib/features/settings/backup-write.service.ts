import {
	decide,
	emptySummary,
	tally,
	type MergeDecision,
	type MergeSummary
} from '$lib/domain/backup';
import { writeTransaction } from '$lib/db/commit';
import { RECORD_TABLES, type RecordTable, type Row } from '$lib/db/db';
import { ethnographersRepo } from '$lib/db/ethnographers.repo';
import { REPOSITORIES } from '$lib/db/registry';
import { rowVersion } from '$lib/db/repository';
import { db, identity, setProfileId } from '$lib/db/workspace';
import { applyPurges } from '$lib/features/notes/tombstones.service';
import type { IncomingRow } from './backup-restore.service';

/**
 * The write of a backup restore (backup-restore.service.ts reads the file into sealed rows): the
 * merge by id, newer `updatedAt` wins, all or nothing.
 */

/** Records were written here after the restore read them: their decisions are made again. */
class StaleRestore extends Error {
	override readonly name = 'StaleRestore';
	constructor(readonly changed: Map<RecordTable, number[]>) {
		super('Records changed during the restore');
	}
}

/**
 * A participant was purged after the restore left their records out (their tombstones were read
 * before the file): the whole restore is made again, so none of their records comes back.
 */
export class PurgedDuringRestore extends Error {
	override readonly name = 'PurgedDuringRestore';
	constructor() {
		super('A participant was purged during the restore');
	}
}

/** The stored tombstones' row keys: ids in the clear, read without opening a row. */
export async function tombstoneKeys(): Promise<Set<string>> {
	return new Set((await db().recordTable('tombstones').toCollection().primaryKeys()) as string[]);
}

/** How often a restore decides again before it gives up (each time a write landed meanwhile). */
const MAX_ATTEMPTS = 5;

/** One table's incoming rows, each with the stored row's version it was decided against. */
interface TablePlan {
	rows: IncomingRow[];
	/** The stored row's version when read (undefined: none). */
	versions: (string | undefined)[];
	decisions: MergeDecision[];
}

const versionOf = (row: Row | undefined) => (row ? rowVersion(row) : undefined);

/**
 * Newer `updatedAt` wins, against what is stored now, for the rows at `at` (every row: all). The
 * stored rows are opened before the transaction (their times are sealed; WebCrypto would end an
 * IndexedDB transaction).
 */
async function decideRows(table: RecordTable, plan: TablePlan, at?: number[]): Promise<void> {
	const indices = at ?? plan.rows.map((_, i) => i);
	const stored = await db()
		.recordTable(table)
		.bulkGet(indices.map((i) => plan.rows[i]!.row.id));
	const repo = REPOSITORIES[table];
	const existing = await Promise.all(stored.map((r) => (r ? repo.metaOf(r) : undefined)));
	indices.forEach((i, k) => {
		plan.versions[i] = versionOf(stored[k]);
		plan.decisions[i] = decide({ updatedAt: plan.rows[i]!.updatedAt }, existing[k]);
	});
}

/**
 * Writes the decisions in one transaction, which first reads the stored rows again: if one changed
 * since it was decided on (an autosave, the recorder, a sync landed meanwhile), nothing is written
 * and that row is decided again, so a newer edit is never overwritten and a record removed
 * meanwhile never comes back on an old decision. Only the changed rows are opened again, so a
 * large restore beside a running recorder still gets through.
 */
export async function writeRestore(
	sealed: Map<RecordTable, IncomingRow[]>,
	authorId: string,
	deleteHere: Map<RecordTable, string[]>,
	/** The tombstones as they were when the file's rows were filtered (`tombstoneKeys`). */
	tombstones: Set<string>
): Promise<{ summary: MergeSummary; byTable: Record<RecordTable, MergeSummary> }> {
	const plans = new Map<RecordTable, TablePlan>();
	for (const table of RECORD_TABLES) {
		const rows = sealed.get(table) ?? [];
		if (rows.length === 0) continue;
		const plan: TablePlan = { rows, versions: [], decisions: [] };
		await decideRows(table, plan);
		plans.set(table, plan);
	}
	for (let attempt = 1; ; attempt++) {
		try {
			await writeTransaction([...RECORD_TABLES], async () => {
				const purged = await tombstoneKeys();
				if ([...purged].some((k) => !tombstones.has(k))) throw new PurgedDuringRestore();
				const changed = new Map<RecordTable, number[]>();
				for (const [table, plan] of plans) {
					const now = await db()
						.recordTable(table)
						.bulkGet(plan.rows.map((r) => r.row.id));
					const stale = plan.rows.flatMap((_, i) =>
						versionOf(now[i]) === plan.versions[i] ? [] : [i]
					);
					if (stale.length) changed.set(table, stale);
				}
				if (changed.size) throw new StaleRestore(changed);
				for (const [table, plan] of plans) {
					const chosen = plan.rows.filter((_, i) => isWritten(plan.decisions[i]!));
					await db()
						.recordTable(table)
						.bulkPut(chosen.map((r) => r.row));
				}
				await applyPurges({ deleteHere });
			});
			break;
		} catch (e) {
			if (!(e instanceof StaleRestore) || attempt === MAX_ATTEMPTS) throw e;
			for (const [table, at] of e.changed) await decideRows(table, plans.get(table)!, at);
		}
	}
	await adoptProfile(authorId);
	return summaries(plans);
}

const isWritten = (d: MergeDecision) => d === 'add' || d === 'update';

function summaries(plans: Map<RecordTable, TablePlan>) {
	const summary = emptySummary();
	const byTable = Object.fromEntries(RECORD_TABLES.map((t) => [t, emptySummary()])) as Record<
		RecordTable,
		MergeSummary
	>;
	for (const [table, plan] of plans)
		for (const d of plan.decisions) {
			tally(summary, d);
			tally(byTable[table], d);
		}
	return { summary, byTable };
}

/**
 * Restoring your own backup into a fresh workspace (a new phone, or after erasing) makes you its
 * author again: when this device's profile has no record yet and the backup's author has one,
 * that record becomes this device's profile.
 */
async function adoptProfile(authorId: string): Promise<void> {
	if (authorId === identity().authorId) return;
	if (await ethnographersRepo.get(identity().authorId)) return;
	if (await ethnographersRepo.get(authorId)) await setProfileId(authorId);
}
