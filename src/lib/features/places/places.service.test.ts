import { describe, expect, it } from 'vitest';
import { isCreation } from '$lib/domain/places/created';
import { mentionedIds, textToDoc, type DocNode } from '$lib/domain/notes/doc';
import { STARTER_PLACES } from '$lib/domain/places/starter';
import { newId } from '$lib/domain/records/ids';
import { notesRepo } from '$lib/db/notes.repo';
import { placeRevisionsRepo, placesRepo } from '$lib/db/places.repo';
import { stopsRepo } from '$lib/db/follow-alongs.repo';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { db } from '$lib/db/workspace';
import { saveNote } from '$lib/features/notes/notes.service';
import { convertLabels, unconvertedLabels } from './labels.service';
import { mergePlacesInto } from './place-merge.service';
import {
	addStarterPlaces,
	deletePlace,
	placeRevisions,
	revertConflicts,
	revertRevision,
	savePlace,
	setPlaceLocation
} from './places.service';
import { restoreItem } from '$lib/features/settings/trash.service';

useFreshWorkspace();

const point = { type: 'point' as const, lon: 12.56, lat: 55.67, radius: 20 };
const placeMention = (id: string, label: string): DocNode => ({
	type: 'mention',
	attrs: { id, label, mentionSuggestionChar: '#' }
});
const docWith = (...nodes: DocNode[]): DocNode => ({
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ved ' }, ...nodes] }]
});

describe('saving places', () => {
	it('writes a revision with every save, in the same transaction, and none for a save without edits', async () => {
		const p = await savePlace(null, { name: 'Trappen', aliases: ['trappen', 'Stairs'] });
		expect(p.aliases).toEqual(['Stairs']);
		let history = await placeRevisions([p.id]);
		expect(history).toHaveLength(1);
		expect(isCreation(history[0]!)).toBe(true);

		await savePlace(p.id, { ...p, name: 'Kirketrappen', category: 'hangout' });
		history = await placeRevisions([p.id]);
		expect(history).toHaveLength(2);
		expect(history[0]!.changes).toEqual([
			{ field: 'name', from: 'Trappen', to: 'Kirketrappen' },
			{ field: 'category', from: 'other', to: 'hangout' }
		]);
		expect(history[0]!.authorId).toBe(p.authorId);

		await savePlace(p.id, { ...(await placesRepo.require(p.id)) });
		expect(await placeRevisions([p.id])).toHaveLength(2);
	});

	it('refuses a place that breaks the rules and writes nothing', async () => {
		await expect(
			savePlace(null, { name: 'Herberg', institution: true, institutionKind: null })
		).rejects.toThrow();
		await expect(savePlace(null, { name: 'x'.repeat(10_000) })).rejects.toThrow();
		expect(await db().places.count()).toBe(0);
		expect(await db().placeRevisions.count()).toBe(0);
	});

	it('reverts a change, as a change of its own, and says which fields changed again since', async () => {
		const p = await savePlace(null, { name: 'Trappen', category: 'hangout' });
		await savePlace(p.id, { ...p, name: 'Kirketrappen', category: 'using' });
		const [edit] = await placeRevisions([p.id]);
		await savePlace(p.id, { ...(await placesRepo.require(p.id)), category: 'waiting' });
		expect(await revertConflicts(edit!.id)).toEqual(['category']);

		const reverted = await revertRevision(edit!.id);
		expect(reverted).toMatchObject({ name: 'Trappen', category: 'hangout' });
		const history = await placeRevisions([p.id]);
		expect(history).toHaveLength(4);
		expect(history[0]!.changes.map((c) => c.field)).toEqual(['name', 'category']);
	});

	it('moves a place to the trash with its history, and brings both back', async () => {
		const p = await savePlace(null, { name: 'Trappen' });
		await savePlace(p.id, { ...p, name: 'Kirketrappen' });
		await deletePlace(p.id);
		expect(await placesRepo.list()).toEqual([]);
		expect(await placeRevisions([p.id])).toEqual([]);
		await restoreItem({ table: 'places', id: p.id });
		expect((await placesRepo.list()).map((x) => x.name)).toEqual(['Kirketrappen']);
		expect(await placeRevisions([p.id])).toHaveLength(2);
	});

	it('clears "position to verify" once a position is set by hand', async () => {
		const p = await savePlace(null, { name: 'H17', location: point, positionToVerify: true });
		const moved = await setPlaceLocation(p.id, { ...point, lon: 12.5594 });
		expect(moved).toMatchObject({ positionToVerify: false, location: { lon: 12.5594 } });
	});
});

describe('the starter set', () => {
	it('adds the known institutions once, as pristine records every device holds alike', async () => {
		expect(await addStarterPlaces()).toBe(STARTER_PLACES.length);
		expect(await addStarterPlaces()).toBe(0);
		const h17 = await placesRepo.require(STARTER_PLACES[0]!.id);
		expect(h17).toMatchObject({ institution: true, positionToVerify: true, rev: {} });
		expect(h17.description.text).toContain('Supervised drug consumption room');
		expect(h17.description.text).toContain('Stofindtagelsesrum');
	});

	it('does not bring back a starter place the user deleted', async () => {
		await addStarterPlaces();
		await deletePlace(STARTER_PLACES[1]!.id);
		expect(await addStarterPlaces()).toBe(0);
	});
});

describe('merging places', () => {
	it('rewrites links in notes (ids and # mentions) and stops, and keeps both histories', async () => {
		const kept = await savePlace(null, { name: 'Kirketrappen', aliases: ['Trappen'] });
		const dup = await savePlace(null, { name: 'Mekka', location: point });
		const note = await saveNote(null, {
			observedAt: 1_000,
			doc: docWith(placeMention(dup.id, 'Mekka')),
			text: ''
		});
		const other = await saveNote(null, {
			observedAt: 2_000,
			doc: textToDoc('Intet sted'),
			text: ''
		});
		const stop = await stopsRepo.create({
			followAlongId: newId(),
			arrivedAt: 0,
			lat: 55.67,
			lon: 12.56,
			source: 'marked',
			placeId: dup.id
		});

		const outcome = await mergePlacesInto(kept.id, dup.id);
		expect(outcome).toEqual({ notes: 1, stops: 1 });
		const n = await notesRepo.require(note.id);
		expect(n.placeIds).toEqual([kept.id]);
		expect(mentionedIds(n.doc, '#')).toEqual([kept.id]);
		expect(n.text).toBe('Ved #Mekka');
		expect((await notesRepo.require(other.id)).updatedAt).toBe(other.updatedAt);
		expect((await stopsRepo.require(stop.id)).placeId).toBe(kept.id);

		const k = await placesRepo.require(kept.id);
		expect(k.aliases).toEqual(['Trappen', 'Mekka']);
		expect(k.location).toEqual(point);
		expect((await placesRepo.require(dup.id)).mergedInto).toBe(kept.id);
		const history = await placeRevisions([kept.id, dup.id]);
		expect(history).toHaveLength(4);
		expect(history.filter((r) => r.placeId === dup.id).map((r) => r.changes[0]!.field)).toContain(
			'mergedInto'
		);
	});
});

describe('turning note labels into places', () => {
	it('creates places from labels and links to existing ones, adding the label as an alias', async () => {
		const trappen = await savePlace(null, { name: 'Kirketrappen' });
		const mk = (placeLabel: string) =>
			saveNote(null, {
				observedAt: 1,
				placeLabel,
				neighbourhood: 'nordvest',
				doc: textToDoc('x'),
				text: ''
			});
		const [a, b, c] = [await mk('Lygten'), await mk('lygten'), await mk('Bagtrappen')];
		const groups = await unconvertedLabels();
		expect(groups.map((g) => g.label)).toEqual(['Lygten', 'Bagtrappen']);

		const result = await convertLabels([
			{ group: groups[0]!, target: { kind: 'new', category: 'transport' } },
			{ group: groups[1]!, target: { kind: 'existing', placeId: trappen.id } }
		]);
		expect(result).toEqual({ notes: 3, created: 1 });
		const lygten = (await placesRepo.list()).find((p) => p.name === 'Lygten')!;
		expect(lygten).toMatchObject({ category: 'transport', neighbourhood: 'nordvest' });
		expect((await notesRepo.require(a.id)).placeIds).toEqual([lygten.id]);
		expect((await notesRepo.require(b.id)).placeIds).toEqual([lygten.id]);
		expect((await notesRepo.require(c.id)).placeIds).toEqual([trappen.id]);
		expect((await placesRepo.require(trappen.id)).aliases).toEqual(['Bagtrappen']);
		expect(await placeRevisions([trappen.id])).toHaveLength(2);
		expect(await unconvertedLabels()).toEqual([]);
	});
});

describe('a note’s # mentions', () => {
	it('set the note’s places, and a link from a label survives edits to the text', async () => {
		const p = await savePlace(null, { name: 'Kirketrappen' });
		const q = await savePlace(null, { name: 'Lygten' });
		const note = await saveNote(null, {
			observedAt: 1,
			doc: docWith(placeMention(p.id, 'Kirketrappen')),
			text: ''
		});
		expect(note.placeIds).toEqual([p.id]);
		await notesRepo.update(note.id, { placeIds: [p.id, q.id] });
		const edited = await saveNote(note.id, { observedAt: 1, doc: textToDoc('Ingen'), text: '' });
		expect(edited.placeIds).toEqual([q.id]);
		expect(await placeRevisionsRepo.list()).toHaveLength(2);
	});
});
