import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { ethnographersRepo } from '$lib/db/ethnographers.repo';
import { interviewsRepo, namedPlacesRepo } from '$lib/db/named-places.repo';
import { db } from '$lib/db/workspace';
import { participant, T0 } from '$lib/testing/follow-alongs';
import { twoWorkspaces } from '$lib/testing/workspace';
import { applyPackageImport } from '$lib/features/exchange/package-apply.service';
import { buildTeamPackage } from '$lib/features/exchange/package-export.service';
import { readTeamPackage } from '$lib/features/exchange/package-import.service';
import { withdrawParticipant } from '$lib/features/notes/participants.service';
import { purgeParticipant } from '$lib/features/notes/tombstones.service';
import { buildBackup, sealBackup } from './backup.service';
import { restoreBackup } from './backup-restore.service';
import { listTrash, restoreItem } from './trash.service';

/*
 * Interviews and named places travel like every record: sealed rows with the id alone in the
 * clear, in backups and team packages, in the trash, and gone with a purged participant.
 */

const { B, use } = twoWorkspaces('named');

async function interviewWithPlaces(code: string) {
	const p = await participant(code);
	const me = await ethnographersRepo.create({ displayName: 'MK' });
	const interview = await interviewsRepo.create({
		participantId: p.id,
		interviewerId: me.id,
		date: '2026-03-03',
		startedAt: T0,
		consentCheckedAt: T0,
		prompts: ['Where did you sleep last night?'],
		quotes: [{ text: 'By the church.', offsetMs: 30_000 }]
	});
	const places = await Promise.all(
		(['sleep', 'buy'] as const).map((activity, i) =>
			namedPlacesRepo.create({
				participantId: p.id,
				source: 'interview',
				where: { kind: 'cell', cell: latLngToCell(55.665 + i / 1000, 12.55, 9) },
				activity,
				interviewId: interview.id,
				offsetMs: 30_000 * (i + 1)
			})
		)
	);
	return { p, interview, places };
}

describe('interviews and named places as records', () => {
	it('are stored with the id alone in the clear', async () => {
		const { places } = await interviewWithPlaces('VB-001');
		const row = await db().namedPlaces.get(places[0]!.id);
		const clear = Object.keys(row!).filter((k) => k !== 'payload');
		// Times, author, device and `rev` are sealed with the content since version 11.
		expect(clear.sort()).toEqual(['id', 'v']);
		expect(db().namedPlaces.schema.indexes).toEqual([]);
		expect(db().interviews.schema.indexes).toEqual([]);
	});

	it('go to the trash and come back', async () => {
		const { places, interview } = await interviewWithPlaces('VB-001');
		await namedPlacesRepo.remove(places[0]!.id);
		await interviewsRepo.remove(interview.id);
		const trash = await listTrash();
		expect(trash.map((t) => t.table).sort()).toEqual(['interviews', 'namedPlaces']);
		for (const item of trash) await restoreItem(item);
		expect(await namedPlacesRepo.list()).toHaveLength(2);
		expect(await interviewsRepo.list()).toHaveLength(1);
	});

	it('travel in a backup and in a team package with the register', async () => {
		const { places, interview } = await interviewWithPlaces('VB-001');
		const backup = (await sealBackup(await buildBackup(), { kind: 'plaintext', confirmed: true }))
			.text;
		const pkg = (
			await buildTeamPackage({ notes: null, participants: true, followAlongIds: [] }, 'A')
		).text;
		await use(B);
		expect((await restoreBackup(backup, backup.length)).ok).toBe(true);
		expect((await namedPlacesRepo.get(places[1]!.id))?.activity).toBe('buy');
		expect((await interviewsRepo.get(interview.id))?.quotes[0]?.text).toBe('By the church.');
		await db().namedPlaces.clear();
		await db().interviews.clear();
		const read = await readTeamPackage(pkg, pkg.length);
		if (!read.ok) throw new Error(JSON.stringify(read.problem));
		await applyPackageImport(read.preview, new Map(), ' (from A)');
		expect((await namedPlacesRepo.list()).map((n) => n.id).sort()).toEqual(
			places.map((n) => n.id).sort()
		);
		expect(await interviewsRepo.get(interview.id)).toBeDefined();
	});

	it('go for good with a purged participant, and an older backup does not bring them back', async () => {
		const { p } = await interviewWithPlaces('VB-001');
		const other = await interviewWithPlaces('VB-002');
		const older = (await sealBackup(await buildBackup(), { kind: 'plaintext', confirmed: true }))
			.text;
		await withdrawParticipant(p.id);
		const summary = await purgeParticipant(p.id);
		expect(summary.deleted).toMatchObject({ interviews: 1, namedPlaces: 2 });
		expect(await restoreBackup(older, older.length)).toMatchObject({ ok: true });
		expect((await namedPlacesRepo.list()).map((n) => n.participantId)).toEqual([
			other.p.id,
			other.p.id
		]);
		expect((await interviewsRepo.list()).map((i) => i.participantId)).toEqual([other.p.id]);
	});
});
