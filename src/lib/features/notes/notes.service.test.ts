import { describe, expect, it } from 'vitest';
import { snapToCell } from '$lib/domain/geo/cells';
import { textToDoc } from '$lib/domain/notes/doc';
import { codesRepo } from '$lib/db/codes.repo';
import { notesRepo } from '$lib/db/notes.repo';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { ensureStarterCodebook, mergeCodes, nestCode, NestError } from './codebook.service';
import { ConsentError, saveNote } from './notes.service';
import {
	addParticipant,
	DuplicateCodeError,
	nextCode,
	restoreNotes,
	trashRecordsOf,
	updateParticipant,
	withdrawParticipant
} from './participants.service';

useFreshWorkspace();

const cell = snapToCell(55.6649, 12.5516, 8);
const note = (over: object = {}) => ({
	observedAt: Date.now(),
	doc: textToDoc('On the benches'),
	text: '',
	...over
});
const consent = (location: 'none' | 'neighbourhood' | 'cell') => ({
	location,
	followAlong: true,
	aggregate: true
});

describe('notes and consent', () => {
	it('saves a note with derived text and mentioned participants', async () => {
		const p = await addParticipant({
			code: 'VB-001',
			neighbourhood: 'vesterbro',
			consent: consent('cell')
		});
		const doc = {
			type: 'doc',
			content: [
				{ type: 'paragraph', content: [{ type: 'mention', attrs: { id: p.id, label: 'VB-001' } }] }
			]
		};
		const saved = await saveNote(null, note({ doc, location: cell, neighbourhood: 'vesterbro' }));
		expect(saved.text).toBe('@VB-001');
		expect(saved.participantIds).toEqual([p.id]);
		expect((await notesRepo.get(saved.id))?.location?.cell).toBe(cell.cell);
	});

	it('refuses a location for a participant whose consent says no location', async () => {
		const p = await addParticipant({
			code: 'VB-002',
			neighbourhood: 'vesterbro',
			consent: consent('none')
		});
		await expect(
			saveNote(null, note({ participantIds: [p.id], location: cell }))
		).rejects.toBeInstanceOf(ConsentError);
		expect(await notesRepo.list()).toHaveLength(0);
	});

	it('narrowing consent strips locations from existing notes', async () => {
		const p = await addParticipant({
			code: 'VB-003',
			neighbourhood: 'vesterbro',
			consent: consent('cell')
		});
		const n = await saveNote(
			null,
			note({ participantIds: [p.id], location: cell, neighbourhood: 'vesterbro' })
		);
		const r = await updateParticipant(p.id, {
			code: 'VB-003',
			neighbourhood: 'vesterbro',
			consent: consent('neighbourhood')
		});
		expect(r.notesChanged).toBe(1);
		const after = await notesRepo.get(n.id);
		expect(after?.location).toBeNull();
		expect(after?.neighbourhood).toBe('vesterbro');
	});

	it('a withdrawn participant cannot be added to a new note; their records can be trashed and restored', async () => {
		const p = await addParticipant({
			code: 'NV-001',
			neighbourhood: 'nordvest',
			consent: consent('cell')
		});
		const n = await saveNote(null, note({ participantIds: [p.id] }));
		await withdrawParticipant(p.id);
		await expect(saveNote(null, note({ participantIds: [p.id] }))).rejects.toBeInstanceOf(
			ConsentError
		);
		// the note written before the withdrawal can still be edited
		await saveNote(n.id, note({ participantIds: [p.id], placeLabel: 'x' }));
		const ids = await trashRecordsOf(p.id);
		expect(ids).toEqual([n.id]);
		expect(await notesRepo.list()).toHaveLength(0);
		await restoreNotes(ids);
		expect(await notesRepo.list()).toHaveLength(1);
	});

	it('suggests unique codes and refuses duplicates', async () => {
		await addParticipant({ code: 'SH-001', neighbourhood: 'sundholm', consent: consent('cell') });
		expect(await nextCode('sundholm')).toBe('SH-002');
		await expect(
			addParticipant({ code: 'sh-001', neighbourhood: 'sundholm', consent: consent('cell') })
		).rejects.toBeInstanceOf(DuplicateCodeError);
	});
});

describe('codebook', () => {
	it('seeds the starter codebook once', async () => {
		await ensureStarterCodebook();
		await ensureStarterCodebook();
		const codes = await codesRepo.list();
		expect(codes.length).toBe(18);
		expect(codes.filter((c) => c.parentId).length).toBe(6);
		// pristine starter codes lose to any edited version of them
		expect(codes.every((c) => c.updatedAt === 1 && Object.keys(c.rev).length === 0)).toBe(true);
		await codesRepo.remove(codes[0]!.id);
		await ensureStarterCodebook();
		expect(await codesRepo.list()).toHaveLength(17);
	});

	it('merges a code into another: notes re-coded, children moved, merged code trashed', async () => {
		const a = await codesRepo.create({ label: { en: 'Benches', da: 'Bænke' } });
		const b = await codesRepo.create({ label: { en: 'Seats', da: '' } });
		const child = await codesRepo.create({ label: { en: 'Cold benches', da: '' }, parentId: a.id });
		const n = await saveNote(null, note({ codeIds: [a.id, b.id] }));
		const r = await mergeCodes(a.id, b.id);
		expect(r.notesChanged).toBe(1);
		expect((await notesRepo.get(n.id))?.codeIds).toEqual([b.id]);
		expect((await codesRepo.get(child.id))?.parentId).toBe(b.id);
		expect((await codesRepo.get(a.id))?.deletedAt).not.toBeNull();
		expect((await codesRepo.get(a.id))?.mergedInto).toBe(b.id);
	});

	it('nests one level only', async () => {
		const a = await codesRepo.create({ label: { en: 'A', da: '' } });
		const b = await codesRepo.create({ label: { en: 'B', da: '' }, parentId: a.id });
		const c = await codesRepo.create({ label: { en: 'C', da: '' } });
		await expect(nestCode(c.id, b.id)).rejects.toBeInstanceOf(NestError);
		await nestCode(c.id, a.id);
		expect((await codesRepo.get(c.id))?.parentId).toBe(a.id);
	});
});
