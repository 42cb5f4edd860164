import { describe, expect, it } from 'vitest';
import { mentionedIds } from '$lib/domain/notes/doc';
import { newId } from '$lib/domain/records/ids';
import { notesRepo } from '$lib/db/notes.repo';
import { placeRevisionsRepo, placesRepo } from '$lib/db/places.repo';
import { stopsRepo } from '$lib/db/follow-alongs.repo';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { linkDemoStops } from './demo-places.service';
import { seedDemo } from './demo.service';
import { unconvertedLabels } from '$lib/features/places/labels.service';

useFreshWorkspace();

describe('the demo workspace’s glossary', () => {
	it('links notes to places by id and by # mentions, with history, and leaves labels to convert', async () => {
		await seedDemo();
		const places = await placesRepo.list();
		const ids = new Set(places.map((p) => p.id));
		const notes = await notesRepo.list();
		const linked = notes.filter((n) => n.placeIds.length);
		expect(linked.length).toBeGreaterThan(100);
		for (const n of notes) {
			for (const id of n.placeIds) expect(ids.has(id)).toBe(true);
			for (const id of mentionedIds(n.doc, '#')) expect(n.placeIds).toContain(id);
		}
		expect(notes.filter((n) => mentionedIds(n.doc, '#').length).length).toBeGreaterThan(50);
		expect(places.filter((p) => p.institution).length).toBeGreaterThan(5);

		const revisions = await placeRevisionsRepo.list();
		expect(new Set(revisions.map((r) => r.placeId))).toEqual(ids);
		expect(revisions.length).toBeGreaterThan(places.length);

		const labels = await unconvertedLabels();
		expect(labels.map((g) => g.label)).toContain('Enghave Plads');
		const kiosk = labels.find((g) => g.label === 'Istedgade, ved kiosken')!;
		expect(places.find((p) => p.id === kiosk.match)!.name).toBe('Kiosken på Istedgade');
	});

	it('links a follow-along stop to the place it is at', async () => {
		await seedDemo();
		const places = await placesRepo.list();
		const stop = stopsRepo.prepare({
			followAlongId: newId(),
			arrivedAt: 0,
			lat: 55.6685,
			lon: 12.5606,
			source: 'detected'
		});
		const [linked] = linkDemoStops([stop], places);
		expect(places.find((p) => p.id === linked!.placeId)!.name).toBe('Kødbyen');
	});
});
