import { describe, expect, it, vi } from 'vitest';
import { snapToCell } from '$lib/domain/geo/cells';
import { textToDoc } from '$lib/domain/notes/doc';
import { followAlongsRepo } from '$lib/db/follow-alongs.repo';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { purgedParticipants } from '$lib/db/tombstones.repo';
import { db } from '$lib/db/workspace';
import { twoWorkspaces } from '$lib/testing/workspace';
import { buildBackup, sealBackup } from '$lib/features/settings/backup.service';
import { restoreBackup } from '$lib/features/settings/backup-restore.service';
import { withdrawParticipant } from './participants.service';
import { applyPackageImport as applyTeamImport } from '$lib/features/exchange/package-apply.service';
import { buildTeamPackage } from '$lib/features/exchange/package-export.service';
import { readTeamPackage } from '$lib/features/exchange/package-import.service';
import { participant, SPOT, storedDay, T0 } from '$lib/testing/follow-alongs';
import { NotWithdrawnError, purgeParticipant } from './tombstones.service';

const { A, B, use } = twoWorkspaces('purge');

const DAY = 86_400_000;

/** X with two days and a note about them, Y with a day and a note on X's day. */
async function workspaceWithX() {
	const x = await participant('VB-001');
	const y = await participant('VB-002');
	const d1 = await storedDay(x.id, T0);
	await storedDay(x.id, T0 + DAY);
	await storedDay(y.id, T0 + 2 * DAY);
	const note = (participantIds: string[], followAlongId: string | null, text: string) =>
		notesRepo.create({
			observedAt: T0,
			participantIds,
			followAlongId,
			location: snapToCell(SPOT.lat, SPOT.lon, 8),
			doc: textToDoc(text),
			text
		});
	await note([x.id], null, 'about X');
	await note([y.id], d1.day.id, 'Y, on a day with X');
	const kept = await note([y.id], null, 'about Y');
	return { x, y, kept };
}

async function counts() {
	const d = db();
	return {
		participants: await d.participants.count(),
		followAlongs: await d.followAlongs.count(),
		stops: await d.stops.count(),
		fixChunks: await d.fixChunks.count(),
		notes: await d.notes.count(),
		tombstones: await d.tombstones.count()
	};
}

/** What is left once X is purged: Y with their day and their note, and X's tombstone. */
const ONLY_Y = { participants: 1, followAlongs: 1, stops: 1, notes: 1, tombstones: 1 };

const plainBackup = async () =>
	(await sealBackup(await buildBackup(), { kind: 'plaintext', confirmed: true })).text;

describe('purging a withdrawn participant', () => {
	it('deletes their records for good and leaves a tombstone with their id only', async () => {
		const { x, y, kept } = await workspaceWithX();
		await expect(purgeParticipant(x.id)).rejects.toThrow(NotWithdrawnError);
		await withdrawParticipant(x.id);
		const before = await counts();
		const summary = await purgeParticipant(x.id);
		expect(summary.deleted).toEqual({
			participants: 1,
			followAlongs: 2,
			stops: 2,
			fixChunks: before.fixChunks - (await db().fixChunks.count()),
			notes: 2
		});
		expect(await counts()).toMatchObject(ONLY_Y);
		expect((await notesRepo.list()).map((n) => n.id)).toEqual([kept.id]);
		expect(await participantsRepo.get(y.id)).toBeDefined();
		expect(await purgedParticipants()).toEqual(new Set([x.id]));
		// the tombstone is sealed like any record: its content is the participant's id, nothing else
		const [row] = await db().tombstones.toArray();
		expect(Object.keys((row!.payload as { c: object }).c)).toEqual(['participantId']);
	});

	it('their records do not come back from an older backup; the rest of it does', async () => {
		const { x } = await workspaceWithX();
		const older = await plainBackup();
		await withdrawParticipant(x.id);
		await purgeParticipant(x.id);
		const purged = await counts();
		const r = await restoreBackup(older, older.length);
		expect(r.ok).toBe(true);
		expect(await counts()).toEqual(purged);
		expect(await participantsRepo.get(x.id)).toBeUndefined();
		expect((await followAlongsRepo.list()).filter((d) => d.participantId === x.id)).toHaveLength(0);
	});

	it('a participant purged while a backup is being restored stays purged: none of their records comes back', async () => {
		const { x } = await workspaceWithX();
		const older = await plainBackup();
		await withdrawParticipant(x.id);
		// The purge lands after the restore has read the file and left nothing of x out, before
		// it writes (while it decides on the stored notes).
		const metaOf = notesRepo.metaOf.bind(notesRepo);
		const spy = vi.spyOn(notesRepo, 'metaOf').mockImplementationOnce(async (row) => {
			const meta = await metaOf(row);
			await purgeParticipant(x.id);
			return meta;
		});
		try {
			expect((await restoreBackup(older, older.length)).ok).toBe(true);
		} finally {
			spy.mockRestore();
		}
		expect(await participantsRepo.get(x.id)).toBeUndefined();
		expect((await followAlongsRepo.list()).filter((d) => d.participantId === x.id)).toHaveLength(0);
		expect(await counts()).toMatchObject(ONLY_Y);
	});

	it('the tombstone travels in team packages: purged there too, and never sent back', async () => {
		const { x } = await workspaceWithX();
		const everything = { notes: { from: null, to: null }, participants: true, followAlongIds: [] };
		const days = (await followAlongsRepo.list()).map((d) => d.id);
		const beforePurge = (await buildTeamPackage({ ...everything, followAlongIds: days }, 'A')).text;
		// B has everything of A's, X included
		await use(B);
		let read = await readTeamPackage(beforePurge, beforePurge.length);
		if (!read.ok) throw new Error(JSON.stringify(read.problem));
		await applyTeamImport(read.preview, new Map(), ' (from A)');
		expect((await counts()).participants).toBe(2);
		// A purges X and sends a package: B deletes X's records and keeps the tombstone
		await use(A);
		await withdrawParticipant(x.id);
		await purgeParticipant(x.id);
		const afterPurge = (await buildTeamPackage(everything, 'A')).text;
		await use(B);
		read = await readTeamPackage(afterPurge, afterPurge.length);
		if (!read.ok) throw new Error(JSON.stringify(read.problem));
		expect(read.preview.counts.deleted).toBeGreaterThanOrEqual(8);
		await applyTeamImport(read.preview, new Map(), ' (from A)');
		expect(await counts()).toMatchObject({ participants: 1, followAlongs: 1, tombstones: 1 });
		expect(await participantsRepo.get(x.id)).toBeUndefined();
		// the old package, imported again anywhere, brings nothing of X back
		for (const name of [A, B]) {
			await use(name);
			read = await readTeamPackage(beforePurge, beforePurge.length);
			if (!read.ok) throw new Error(JSON.stringify(read.problem));
			expect(read.preview.purges.leftOut).toBeGreaterThanOrEqual(8);
			await applyTeamImport(read.preview, new Map(), ' (from A)');
			expect(await participantsRepo.get(x.id)).toBeUndefined();
			expect((await counts()).notes).toBe(1);
		}
	});

	it('a backup that brings a tombstone purges the participant here too, in the same restore', async () => {
		const { x } = await workspaceWithX();
		const withX = await plainBackup();
		await use(B);
		expect((await restoreBackup(withX, withX.length)).ok).toBe(true);
		expect((await counts()).participants).toBe(2);
		await use(A);
		await withdrawParticipant(x.id);
		await purgeParticipant(x.id);
		const withTombstone = await plainBackup();
		await use(B);
		expect((await restoreBackup(withTombstone, withTombstone.length)).ok).toBe(true);
		expect(await counts()).toMatchObject(ONLY_Y);
		expect(await participantsRepo.get(x.id)).toBeUndefined();
		// and the first backup, restored again here, brings nothing of X back
		expect((await restoreBackup(withX, withX.length)).ok).toBe(true);
		expect(await participantsRepo.get(x.id)).toBeUndefined();
		expect((await counts()).notes).toBe(1);
	});

	it('a file holding both a tombstone and the records it names restores without those records', async () => {
		const { x } = await workspaceWithX();
		const withX = JSON.parse(await plainBackup()) as { records: Record<string, unknown[]> };
		await withdrawParticipant(x.id);
		await purgeParticipant(x.id);
		const later = JSON.parse(await plainBackup()) as { records: Record<string, unknown[]> };
		// the tombstone comes after X's register entry, days and notes as the file is read
		const order = Object.keys(withX.records);
		expect(order.indexOf('tombstones')).toBeGreaterThan(order.indexOf('notes'));
		withX.records.tombstones = later.records.tombstones!;
		const text = JSON.stringify(withX);
		await use(B);
		expect((await restoreBackup(text, text.length)).ok).toBe(true);
		expect(await counts()).toMatchObject(ONLY_Y);
	});

	it('a backup from before releases, with saved heatmap noise, still restores', async () => {
		const backup = JSON.parse(await plainBackup()) as { records: Record<string, unknown[]> };
		backup.records.heatmaps = [];
		delete backup.records.releases;
		delete backup.records.tombstones;
		const text = JSON.stringify(backup);
		expect((await restoreBackup(text, text.length)).ok).toBe(true);
	});
});
