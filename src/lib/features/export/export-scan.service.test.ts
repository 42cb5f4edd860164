import { describe, expect, it } from 'vitest';
import { updateSettings } from '$lib/db/settings.repo';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { textToDoc } from '$lib/domain/notes/doc';
import { buildBackup, backupRecords } from '$lib/features/settings/backup.service';
import { MAX_LISTED, scanExport } from './export-scan.service';
import { notesExportRecords, type ExportLookups } from '$lib/features/notes/notes-export.service';
import { deleteNote, saveNote } from '$lib/features/notes/notes.service';
import { addParticipant } from '$lib/features/notes/participants.service';
import { savePlace } from '$lib/features/places/places.service';
import { buildTeamPackage } from '$lib/features/exchange/package-export.service';
import { followAlongsRepo, stopsRepo } from '$lib/db/follow-alongs.repo';
import { trackExportRecords } from '$lib/features/follow-alongs/track.service';

const CONSENT = { location: 'cell', followAlong: true, aggregate: true } as const;
useFreshWorkspace();

const note = (text: string, observedAt = Date.UTC(2025, 3, 2, 10)) =>
	saveNote(null, { observedAt, doc: textToDoc(text), text });

describe('the scan before an export', () => {
	it('lists every identifier in a backup with its record, field and kind, the trash included', async () => {
		await updateSettings({ forbiddenNames: ['Søren Ravn'] });
		await note('Søren Ravn sad på bænken, tlf. 23 45 67 89.');
		const trashed = await note('Hun gav mig 010150-1234.');
		await deleteNote(trashed.id);
		await savePlace(null, { name: 'Hos Søren Ravn' });
		const { findings, total } = await scanExport(backupRecords(await buildBackup()));
		expect(total).toBe(4);
		expect(findings.map((f) => [f.table, f.field, f.kind, f.text, f.inTrash])).toEqual(
			expect.arrayContaining([
				['notes', 'text', 'name', 'Søren Ravn', false],
				['notes', 'text', 'phone', '23 45 67 89', false],
				['notes', 'text', 'cpr', '010150-1234', true],
				['places', 'name', 'name', 'Søren Ravn', false]
			])
		);
		// The names list itself is in the backup (the settings record) but is not a finding.
		expect(findings.some((f) => f.table === 'settings')).toBe(false);
	});

	it('finds nothing in an ordinary workspace, starter places and codebook included', async () => {
		await note('Kl. 14.30 på trappen ved Halmtorvet; 3 betjente, 150 kr. for en pose.');
		await savePlace(null, { name: 'Halmtorvet 9D', institution: true, institutionKind: 'other' });
		await addParticipant({ code: 'VB-014', neighbourhood: 'vesterbro', consent: CONSENT });
		expect(await scanExport(backupRecords(await buildBackup()))).toEqual({
			findings: [],
			total: 0,
			counts: {}
		});
		const pkg = await buildTeamPackage(
			{ notes: { from: null, to: null }, participants: true, followAlongIds: [] },
			'Anna'
		);
		expect((await scanExport(pkg.records)).total).toBe(0);
	});

	it('scans what a team package carries', async () => {
		await note('ring 23456789');
		await addParticipant({ code: '0101501234', neighbourhood: null, consent: CONSENT });
		const glossaryOnly = await buildTeamPackage(
			{ notes: null, participants: false, followAlongIds: [] },
			'Anna'
		);
		expect((await scanExport(glossaryOnly.records)).total).toBe(0);
		const all = await buildTeamPackage(
			{ notes: { from: null, to: null }, participants: true, followAlongIds: [] },
			'Anna'
		);
		expect((await scanExport(all.records)).findings.map((f) => [f.table, f.kind])).toEqual([
			['participants', 'cpr'],
			['notes', 'phone']
		]);
	});

	it('scans a notes export as it will be written: GeoJSON holds only located notes', async () => {
		const unlocated = await note('ring 23456789');
		const labels = {
			participant: () => 'VB-001',
			code: () => 'Stress',
			author: () => 'Anna'
		} as unknown as ExportLookups;
		expect((await scanExport(notesExportRecords([unlocated], 'csv', labels))).total).toBe(1);
		expect((await scanExport(notesExportRecords([unlocated], 'geojson', labels))).total).toBe(0);
	});

	it('scans what a route file carries: confirmed stops’ names and the participant’s code', async () => {
		const p = await addParticipant({ code: '23456789', neighbourhood: null, consent: CONSENT });
		const day = await followAlongsRepo.create({ startedAt: 1_000, participantId: p.id });
		const stop = { followAlongId: day.id, arrivedAt: 2_000, lat: 55.67, lon: 12.55 };
		await stopsRepo.create({ ...stop, source: 'marked', ownName: 'hos ole@example.dk' });
		// Who was present is not in a route file: not scanned. A proposed stop is not exported.
		await stopsRepo.create({ ...stop, source: 'marked', present: 'AB 12 345' });
		await stopsRepo.create({
			...stop,
			source: 'detected',
			status: 'proposed',
			ownName: '010150-1234'
		});
		const r = await scanExport(await trackExportRecords(day.id));
		expect(r.findings.map((f) => [f.table, f.kind])).toEqual([
			['stops', 'email'],
			['participants', 'phone']
		]);
	});

	it('lists at most MAX_LISTED findings but counts them all, and reports progress', async () => {
		const text = Array.from({ length: 300 }, () => '23456789').join(' og ');
		await note(text);
		const progress: number[] = [];
		const r = await scanExport(backupRecords(await buildBackup()), (p) => progress.push(p));
		expect(r.total).toBe(300);
		expect(r.findings).toHaveLength(MAX_LISTED);
		expect(r.counts).toEqual({ phone: 300 });
		expect(progress.at(-1)).toBe(1);
	});
});
