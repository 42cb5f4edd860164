import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GIVEN } from '$lib/testing/consent';
import { textToDoc, type DocNode } from '$lib/domain/notes/doc';
import type { Resolution } from '$lib/domain/exchange/resolve';
import { newId } from '$lib/domain/records/ids';
import { RECORD_TABLES } from '$lib/db/db';
import { notesRepo } from '$lib/db/notes.repo';
import { placesRepo } from '$lib/db/places.repo';
import { closeWorkspace, db, deleteWorkspace, openWorkspace } from '$lib/db/workspace';
import { saveNote } from '$lib/features/notes/notes.service';
import { addParticipant } from '$lib/features/notes/participants.service';
import { deletePlace, placeRevisions, savePlace } from '$lib/features/places/places.service';
import { applyPackageImport } from './package-apply.service';
import { buildTeamPackage, type ExportChoice } from './package-export.service';
import { importLog } from './import-log.service';
import { readTeamPackage, type ImportPreview } from './package-import.service';

const A = `team-a-${process.pid}-${Math.random().toString(36).slice(2)}`;
const B = `team-b-${process.pid}-${Math.random().toString(36).slice(2)}`;
const use = (name: string) => openWorkspace('main', name);

beforeEach(async () => {
	await use(A);
	await use(B);
});
afterEach(async () => {
	closeWorkspace();
	await deleteWorkspace('main', A);
	await deleteWorkspace('main', B);
});

const GLOSSARY_ONLY: ExportChoice = { notes: null, participants: false, followAlongIds: [] };
const exportFrom = async (name: string, who: string, choice = GLOSSARY_ONLY) => {
	await use(name);
	return (await buildTeamPackage(choice, who)).text;
};
const read = async (text: string): Promise<ImportPreview> => {
	const r = await readTeamPackage(text, text.length);
	if (!r.ok) throw new Error(JSON.stringify(r.problem));
	return r.preview;
};
/** Imports into the open workspace, settling every conflict the same way. */
const importInto = async (name: string, text: string, choice: Resolution = 'mine') => {
	await use(name);
	const preview = await read(text);
	const resolutions = new Map(preview.conflicts.map((c) => [c.key, choice]));
	await applyPackageImport(preview, resolutions, ' (from Bo)');
	return preview;
};
/** Every row of every table, to prove that nothing at all was written. */
const snapshot = async () => {
	const out: Record<string, unknown[]> = {};
	for (const t of RECORD_TABLES) out[t] = await db().recordTable(t).orderBy('id').toArray();
	return out;
};
const glossary = async () =>
	(await placesRepo.list())
		.map(({ name, aliases, category, deletedAt, mergedInto }) => ({
			name,
			aliases,
			category,
			deletedAt,
			mergedInto
		}))
		.sort((a, b) => a.name.localeCompare(b.name));

describe('team exchange between two devices', () => {
	it('adds what was never seen, with history, and changes nothing when imported twice', async () => {
		await use(A);
		const p = await savePlace(null, { name: 'Trappen', aliases: ['Stairs'] });
		await savePlace(p.id, { ...p, category: 'hangout' });
		const pkg = await exportFrom(A, 'Anna');

		const first = await importInto(B, pkg);
		expect(first.counts.added).toBeGreaterThanOrEqual(3);
		expect(await glossary()).toEqual([
			{
				name: 'Trappen',
				aliases: ['Stairs'],
				category: 'hangout',
				deletedAt: null,
				mergedInto: null
			}
		]);
		expect(await placeRevisions([p.id])).toHaveLength(2);

		const before = await snapshot();
		const second = await importInto(B, pkg);
		expect(second.counts).toMatchObject({ added: 0, updated: 0, conflicts: 0 });
		expect(await snapshot()).toEqual(before);
	});

	it('takes a change made on one side only, and ignores an older package afterwards', async () => {
		await use(A);
		const p = await savePlace(null, { name: 'Trappen' });
		const v1 = await exportFrom(A, 'Anna');
		await importInto(B, v1);
		await use(A);
		await savePlace(p.id, { ...(await placesRepo.require(p.id)), name: 'Kirketrappen' });
		const v2 = await exportFrom(A, 'Anna');

		expect((await importInto(B, v2)).counts.updated).toBe(1);
		expect((await placesRepo.require(p.id)).name).toBe('Kirketrappen');
		const before = await snapshot();
		const old = await importInto(B, v1);
		expect(old.counts).toMatchObject({ updated: 0, added: 0, conflicts: 0 });
		expect(await snapshot()).toEqual(before);
	});

	it('carries a deletion as a tombstone', async () => {
		await use(A);
		const p = await savePlace(null, { name: 'Trappen' });
		await importInto(B, await exportFrom(A, 'Anna'));
		await use(A);
		await deletePlace(p.id);
		const preview = await importInto(B, await exportFrom(A, 'Anna'));
		expect(preview.counts.deleted).toBeGreaterThanOrEqual(1);
		expect(await placesRepo.list()).toEqual([]);
	});

	describe('a place changed on both sides', () => {
		const setUp = async () => {
			await use(A);
			const p = await savePlace(null, { name: 'Trappen' });
			await importInto(B, await exportFrom(A, 'Anna'));
			await use(A);
			await savePlace(p.id, { ...(await placesRepo.require(p.id)), name: 'Kirketrappen' });
			await use(B);
			await savePlace(p.id, { ...(await placesRepo.require(p.id)), category: 'using' });
			return { id: p.id, pkg: await exportFrom(A, 'Anna') };
		};

		it('is shown as a conflict and nothing is written until it is settled', async () => {
			const { id, pkg } = await setUp();
			await use(B);
			const before = await snapshot();
			const preview = await read(pkg);
			expect(preview.conflicts.map((c) => [c.key, c.conflict.reason])).toEqual([
				[`places:${id}`, 'both-changed']
			]);
			await expect(applyPackageImport(preview, new Map(), ' (from Anna)')).rejects.toThrow(
				'1 conflicts are not settled'
			);
			expect(await snapshot()).toEqual(before);
		});

		it('keeps mine, and the next exchange brings mine to the other side without a conflict', async () => {
			const { id, pkg } = await setUp();
			await importInto(B, pkg, 'mine');
			expect(await placesRepo.require(id)).toMatchObject({ name: 'Trappen', category: 'using' });
			expect((await importLog())[0]!.resolutions).toEqual([
				{ table: 'places', id, choice: 'mine', copyId: null }
			]);
			const back = await importInto(A, await exportFrom(B, 'Bo'));
			expect(back.conflicts).toEqual([]);
			expect(await placesRepo.require(id)).toMatchObject({ name: 'Trappen', category: 'using' });
			expect((await importInto(B, pkg)).conflicts).toEqual([]);
		});

		it('takes theirs, recording what the resolution changed here in the history', async () => {
			const { id, pkg } = await setUp();
			await importInto(B, pkg, 'theirs');
			expect(await placesRepo.require(id)).toMatchObject({
				name: 'Kirketrappen',
				category: 'other'
			});
			const [latest] = await placeRevisions([id]);
			expect(latest!.changes.map((c) => c.field)).toEqual(['name', 'category']);
			await importInto(A, await exportFrom(B, 'Bo'));
			const a = await glossary();
			await use(B);
			expect(await glossary()).toEqual(a);
		});

		it('keeps both: theirs becomes a new place marked as a copy, and both devices end alike', async () => {
			const { id, pkg } = await setUp();
			await importInto(B, pkg, 'both');
			const names = (await glossary()).map((p) => p.name);
			expect(names).toEqual(['Kirketrappen (from Bo)', 'Trappen']);
			expect((await placesRepo.require(id)).category).toBe('using');
			await importInto(A, await exportFrom(B, 'Bo'));
			const a = await glossary();
			await use(B);
			expect(await glossary()).toEqual(a);
		});
	});

	it('sends chosen notes with the participants they refer to', async () => {
		await use(A);
		const place = await savePlace(null, { name: 'Trappen' });
		const who = await addParticipant({
			code: 'VB-001',
			neighbourhood: 'vesterbro',
			consentRecord: GIVEN,
			consent: { location: 'cell', followAlong: true, aggregate: true }
		});
		const doc: DocNode = {
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{ type: 'mention', attrs: { id: who.id, label: 'VB-001' } },
						{
							type: 'mention',
							attrs: { id: place.id, label: 'Trappen', mentionSuggestionChar: '#' }
						}
					]
				}
			]
		};
		const note = await saveNote(null, { observedAt: 5, doc, text: '' });
		await saveNote(null, { observedAt: 50, doc: textToDoc('later'), text: '' });
		const pkg = await exportFrom(A, 'Anna', {
			notes: { from: 0, to: 10 },
			participants: false,
			followAlongIds: []
		});
		await importInto(B, pkg);
		expect((await notesRepo.list()).map((n) => n.id)).toEqual([note.id]);
		expect((await notesRepo.require(note.id)).placeIds).toEqual([place.id]);
	});
});

describe('bad packages write nothing', () => {
	const problemOf = async (text: string) => {
		await use(B);
		const before = await snapshot();
		const r = await readTeamPackage(text, text.length);
		expect(await snapshot()).toEqual(before);
		return r.ok ? null : r.problem.kind;
	};
	const withPlaces = async (places: object[], over: object = {}) => {
		const pkg = JSON.parse(await exportFrom(A, 'Anna'));
		pkg.records.places.push(...places);
		return JSON.stringify({ ...pkg, ...over });
	};
	const place = (over: object) => ({
		id: newId(),
		createdAt: 1,
		updatedAt: 1,
		deletedAt: null,
		authorId: 'anna',
		deviceId: 'A',
		rev: { A: 1 },
		v: 1,
		name: 'Trappen',
		...over
	});

	it('names the problem of each kind of bad file', async () => {
		expect(await problemOf(await withPlaces([], { formatVersion: 99 }))).toBe('future-version');
		expect(await problemOf('{"type":"FeatureCollection","features":[]}')).toBe('not-package');
		expect(await problemOf('not json at all')).toBe('not-json');
		expect(await problemOf(await withPlaces([place({ mergedInto: newId() })]))).toBe(
			'unknown-reference'
		);
		expect(await problemOf(await withPlaces([place({ name: 'x'.repeat(10_000) })]))).toBe(
			'too-long'
		);
		const html = await withPlaces([place({ name: '<img src=x onerror=alert(1)>' })]);
		expect(await problemOf(html)).toBeNull();
	});

	it('writes nothing at all when the transaction fails part-way', async () => {
		await use(A);
		await savePlace(null, { name: 'Trappen' });
		await saveNote(null, { observedAt: 1, doc: textToDoc('x'), text: '' });
		const pkg = await exportFrom(A, 'Anna', {
			notes: { from: null, to: null },
			participants: true,
			followAlongIds: []
		});
		await use(B);
		const before = await snapshot();
		const preview = await read(pkg);
		// The notes table refuses its write, as a full disk would: the places written before must go too.
		db().notes.hook('creating', () => {
			throw new Error('disk full');
		});
		await expect(applyPackageImport(preview, new Map(), ' (from Anna)')).rejects.toThrow();
		expect(await snapshot()).toEqual(before);
		expect(await importLog()).toEqual([]);
	});

	it('refuses a package from the demo workspace in your own, and yours in the demo', async () => {
		const demo = `${A}-demo`;
		await openWorkspace('demo', demo);
		await savePlace(null, { name: 'Syntetisk trappe' });
		const fromDemo = (await buildTeamPackage(GLOSSARY_ONLY, 'Demo')).text;
		expect(JSON.parse(fromDemo).workspace).toBe('demo');
		await use(A);
		await savePlace(null, { name: 'Ægte trappe' });
		const fromOwn = await exportFrom(A, 'Anna');

		await use(B);
		const before = await snapshot();
		expect(await readTeamPackage(fromDemo, fromDemo.length)).toEqual({
			ok: false,
			problem: { kind: 'other-workspace', file: 'demo' }
		});
		expect(await snapshot()).toEqual(before);
		await openWorkspace('demo', demo);
		expect(await readTeamPackage(fromOwn, fromOwn.length)).toEqual({
			ok: false,
			problem: { kind: 'other-workspace', file: 'main' }
		});
		await deleteWorkspace('demo', demo);
	});

	it('keeps both versions of a note marked and linked: the copy says it is one, each points at the other', async () => {
		await use(A);
		const note = await saveNote(null, {
			observedAt: 5,
			doc: textToDoc('det begyndte at regne'),
			text: ''
		});
		const withNotes: ExportChoice = {
			notes: { from: 0, to: 10 },
			participants: false,
			followAlongIds: []
		};
		await importInto(B, await exportFrom(A, 'Anna', withNotes));
		await use(A);
		await saveNote(note.id, {
			observedAt: 5,
			doc: textToDoc('det begyndte at regne kraftigt'),
			text: ''
		});
		await use(B);
		await saveNote(note.id, { observedAt: 5, doc: textToDoc('det begyndte at sne'), text: '' });
		const preview = await importInto(B, await exportFrom(A, 'Anna', withNotes), 'both');
		expect(preview.conflicts.map((c) => c.table)).toEqual(['notes']);
		const notes = await notesRepo.list();
		const mine = notes.find((n) => n.id === note.id)!;
		const copy = notes.find((n) => n.id !== note.id)!;
		expect([mine.text, copy.text]).toEqual([
			'det begyndte at sne',
			'det begyndte at regne kraftigt'
		]);
		expect(mine.conflict).toEqual({ otherId: copy.id, copy: false, from: 'Anna' });
		expect(copy.conflict).toEqual({ otherId: mine.id, copy: true, from: 'Anna' });
	});
});
