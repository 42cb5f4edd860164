import {
	PARTICIPANT_TABLES,
	recordsOfPurged,
	withoutPurged,
	type AnyRecord
} from '$lib/domain/participants/tombstone';
import { writeTransaction } from '$lib/db/commit';
import type { RecordTable } from '$lib/db/db';
import { interviewsRepo, namedPlacesRepo } from '$lib/db/named-places.repo';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { purgedParticipants, tombstonesRepo } from '$lib/db/tombstones.repo';
import { indexKeys } from '$lib/db/index-key';
import { followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { db } from '$lib/db/workspace';

/*
 * Withdrawal that sticks (domain/participants/tombstone.ts): purging a withdrawn participant, and
 * keeping their records out of whatever comes in afterwards — a backup, a team package.
 */

export class NotWithdrawnError extends Error {
	override readonly name = 'NotWithdrawnError';
	constructor(readonly code: string) {
		super(`${code} has not withdrawn`);
	}
}

/** The stored records, table by table, that belong to these participants (the trash included). */
export async function localRecordsOf(
	purged: ReadonlySet<string>
): Promise<Map<RecordTable, string[]>> {
	const out = new Map<RecordTable, string[]>();
	if (purged.size === 0) return out;
	const d = db();
	const ids = [...purged];
	const days = await followAlongsRepo.fromRows(
		await d.followAlongs.where('participantId').anyOf(indexKeys(ids)).toArray()
	);
	// A part's link to its day is keyed in the clear: read back to the day's id.
	const dayOf = new Map(days.map((r) => [indexKeys([r.id])[0]!, r.id]));
	const partsOf = async (table: 'stops' | 'fixChunks') =>
		(
			await d
				.recordTable(table)
				.where('followAlongId')
				.anyOf([...dayOf.keys()])
				.toArray()
		).map((r) => ({ id: r.id, followAlongId: dayOf.get(r.followAlongId as string) }));
	// Which notes are about someone is inside the sealed payload: each note is opened once.
	const notes = await notesRepo.fromRows(await d.notes.toArray());
	const interviews = await interviewsRepo.fromRows(await d.interviews.toArray());
	const namedPlaces = await namedPlacesRepo.fromRows(await d.namedPlaces.toArray());
	const found = recordsOfPurged(
		{
			participants: (await d.participants.bulkGet(ids)).filter((r) => r !== undefined),
			followAlongs: days.map((r) => ({ id: r.id, participantId: r.participantId })),
			stops: await partsOf('stops'),
			fixChunks: await partsOf('fixChunks'),
			notes: notes as unknown as AnyRecord[],
			interviews: interviews as unknown as AnyRecord[],
			namedPlaces: namedPlaces as unknown as AnyRecord[]
		},
		purged
	);
	for (const table of PARTICIPANT_TABLES) if (found[table].size) out.set(table, [...found[table]]);
	return out;
}

async function deleteRows(rows: ReadonlyMap<RecordTable, string[]>): Promise<void> {
	for (const [table, ids] of rows) await db().recordTable(table).bulkDelete(ids);
}

export interface PurgeSummary {
	/** Records deleted, table by table. */
	deleted: Partial<Record<RecordTable, number>>;
}

/**
 * Deletes a withdrawn participant and every record of theirs for good — their register entry,
 * their follow-along days with stops and fixes, the notes written on those days and every note
 * about them, their interviews and named places — and leaves their tombstone, all in one transaction.
 */
export async function purgeParticipant(id: string, now = Date.now()): Promise<PurgeSummary> {
	const participant = await participantsRepo.require(id);
	if (participant.withdrawnAt === null) throw new NotWithdrawnError(participant.code);
	const rows = await localRecordsOf(new Set([id]));
	const tombstone = await tombstonesRepo.toRow(tombstonesRepo.prepare({ participantId: id }, now));
	await writeTransaction([...PARTICIPANT_TABLES, 'tombstones'], async () => {
		await deleteRows(rows);
		await db().tombstones.put(tombstone);
	});
	return { deleted: Object.fromEntries([...rows].map(([t, ids]) => [t, ids.length])) };
}

/** What an import must leave out and delete because of the tombstones on both sides. */
export interface PurgePlan<T extends AnyRecord> {
	/** The incoming records without those of purged participants. */
	records: Record<string, T[]>;
	/** Incoming records left out. */
	leftOut: number;
	/** Participants purged elsewhere, whose records this workspace still holds: deleted. */
	deleteHere: Map<RecordTable, string[]>;
	purged: Set<string>;
}

/** Checks incoming records (a backup's, a package's) against every tombstone known. */
export async function planPurges<T extends AnyRecord>(
	incoming: Readonly<Record<string, readonly T[] | undefined>>
): Promise<PurgePlan<T>> {
	const local = await purgedParticipants();
	const arriving = new Set(
		(incoming.tombstones ?? []).map((t) => t.participantId as string).filter((p) => !local.has(p))
	);
	const purged = new Set([...local, ...arriving]);
	const { records, leftOut } = withoutPurged(incoming, purged);
	return { records, leftOut, deleteHere: await localRecordsOf(arriving), purged };
}

/** Inside the import's transaction: deletes this workspace's records of participants purged elsewhere. */
export async function applyPurges(plan: Pick<PurgePlan<AnyRecord>, 'deleteHere'>): Promise<void> {
	await deleteRows(plan.deleteHere);
}
