import { collectBytes, depositBytes, depositIsOurs, tagDeposit } from '$lib/crypto/drop-box';
import { LockedError } from '$lib/crypto/errors';
import { pack, unpack } from '$lib/crypto/pack';
import type { Bytes } from '$lib/crypto/bytes';
import type { Gap } from '$lib/domain/follow-alongs/follow-along';
import { newId } from '$lib/domain/records/ids';
import type { Fix } from '$lib/domain/tracks/fix';
import { checkTrack, concatTracks, trackFromFixes, type Track } from '$lib/domain/tracks/track';
import { change, commit, type Change } from '$lib/db/commit';
import { guardQuota } from '$lib/db/errors';
import { lastChunkOf } from '$lib/db/follow-alongs.queries';
import { fixChunksRepo, followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { db } from '$lib/db/workspace';
import { dropBoxKeys, reportRefused } from './drop-box-keys.service';
import {
	appendedChunks,
	followAlongAfterWrite,
	type RecordingPatch
} from '$lib/features/follow-alongs/track-chunks.service';

/**
 * Writing to and taking from the drop box (keys in drop-box-keys.service.ts). Each deposit is one row of
 * the `dropBox` table, its content sealed to the drop box's public key.
 */

export interface Deposit {
	followAlongId: string;
	fixes: readonly Fix[];
	gaps: readonly Gap[];
	patch: RecordingPatch;
}

interface StoredDeposit {
	followAlongId: string;
	/**
	 * The order of deposits, sealed with them (ids are random and say nothing): when written,
	 * and a count for deposits in the same millisecond. Absent in deposits of earlier versions.
	 */
	order?: [number, number];
	track: Track;
	gaps: Gap[];
	patch: RecordingPatch;
}

const context = (id: string) => ({ table: 'dropBox', id, v: 1 });

let deposited = 0;

/**
 * Writes fixes recorded while locked: sealed to the public key, tagged with this unlock's writer
 * key. Without a writer key (no unlock in this page) nothing is written and the fixes stay with
 * the caller for the next try.
 */
export async function depositFixes(deposit: Deposit): Promise<void> {
	const keys = dropBoxKeys();
	if (!keys?.writer) throw new LockedError();
	const id = newId();
	const content: StoredDeposit = {
		followAlongId: deposit.followAlongId,
		order: [Date.now(), ++deposited],
		track: trackFromFixes(deposit.fixes),
		gaps: [...deposit.gaps],
		patch: deposit.patch
	};
	const payload = await depositBytes(keys.publicKey, context(id), pack(content));
	const tag = await tagDeposit(keys.writer, id, payload);
	await guardQuota(() => db().dropBox.put({ id, payload, writer: keys.writer!.id, tag }));
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * One absorb at a time, in this tab and across tabs (Web Locks), so no deposit is applied twice:
 * the deposits are read, opened and merged, and deleted in the transaction that stores them.
 */
function exclusively<T>(run: () => Promise<T>): Promise<T> {
	const locks = globalThis.navigator?.locks;
	const next: Promise<T> = queue.then(() =>
		locks ? (locks.request('stedsans-drop-box', run) as Promise<T>) : run()
	);
	queue = next.catch(() => {});
	return next;
}

export interface Absorbed {
	/** Fixes added to their days. */
	fixes: number;
	/** Deposits not made by this app since an unlock on this device: deleted unopened. */
	refused: number;
}

/**
 * Takes everything out of the drop box into the days it belongs to: fixes appended to the day's
 * chunks, gaps and the recorder's counters onto the day, sealed under the data key, and the
 * deposits deleted, all in one transaction. A deposit without a valid tag of a writer key (made
 * by someone with storage access and the public key alone) is deleted unopened and counted in
 * `refused`. A tagged deposit that does not open (damaged) is left where it is.
 */
export function absorbDropBox(): Promise<Absorbed> {
	return exclusively(async () => {
		const opened = dropBoxKeys();
		if (!opened?.privateKey) throw new LockedError();
		const all = await db().dropBox.toArray();
		if (all.length === 0) return { fixes: 0, refused: 0 };
		const ours = await Promise.all(
			all.map(
				async (r) =>
					(opened.acceptUntagged && r.tag === undefined) ||
					(await depositIsOurs(opened.verifiers, r))
			)
		);
		const rows = all.filter((_, i) => ours[i]);
		const refused = all.filter((_, i) => !ours[i]).map((r) => r.id);
		const byDay = new Map<string, { ids: string[]; deposits: StoredDeposit[] }>();
		const contents = await Promise.allSettled(
			rows.map(async (r) => readDeposit(await collectBytes(opened, context(r.id), r.payload)))
		);
		const inOrder = contents
			.map((c, i) => (c.status === 'fulfilled' ? { deposit: c.value, id: rows[i]!.id } : null))
			.filter((d) => d !== null)
			.sort((a, b) => compareOrder(a.deposit.order, b.deposit.order));
		for (const { deposit, id } of inOrder) {
			const day = byDay.get(deposit.followAlongId) ?? { ids: [], deposits: [] };
			day.ids.push(id);
			day.deposits.push(deposit);
			byDay.set(deposit.followAlongId, day);
		}
		const changes: Change[] = [];
		const done: string[] = [...refused];
		let fixes = 0;
		const now = Date.now();
		for (const [dayId, { ids, deposits }] of byDay) {
			done.push(...ids);
			const day = await followAlongsRepo.get(dayId);
			// A day deleted for good meanwhile: there is nothing left to add its fixes to.
			if (!day) continue;
			const track = concatTracks(deposits.map((d) => d.track));
			const last = await lastChunkOf(dayId);
			const patch = Object.assign({}, ...deposits.map((d) => d.patch)) as RecordingPatch;
			const gaps = deposits.flatMap((d) => d.gaps);
			changes.push(change(fixChunksRepo, appendedChunks(dayId, last, track, now)));
			changes.push(
				change(followAlongsRepo, [followAlongAfterWrite(day, track.count, gaps, patch, now)])
			);
			fixes += track.count;
		}
		await commit(changes, { tables: ['dropBox'], write: () => db().dropBox.bulkDelete(done) });
		reportRefused(refused.length);
		return { fixes, refused: refused.length };
	});
}

/** Deposits of earlier versions (no `order`) keep the order they were read in, first. */
function compareOrder(a: [number, number] | undefined, b: [number, number] | undefined): number {
	if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
	return a[0] - b[0] || a[1] - b[1];
}

function readDeposit(bytes: Bytes): StoredDeposit {
	const content = unpack(bytes) as StoredDeposit;
	const problem = checkTrack(content.track);
	if (problem) throw new TypeError(`deposit: ${problem}`);
	return content;
}
