import { describe, expect, it } from 'vitest';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { getSettings } from '$lib/db/settings.repo';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { mentionedIds } from '$lib/domain/notes/doc';
import { seedDemo } from './demo.service';

useFreshWorkspace();

describe('demo workspace', () => {
	it('is filled with valid, linked synthetic records and marked as demo', async () => {
		const seen: number[] = [];
		await seedDemo((done, total) => seen.push(done / total));
		expect(seen.at(-1)).toBe(1);
		const notes = await notesRepo.list();
		const participants = await participantsRepo.list();
		expect(notes.length).toBeGreaterThanOrEqual(300);
		expect(participants.length).toBeGreaterThanOrEqual(60);
		const ids = new Set(participants.map((p) => p.id));
		for (const n of notes) {
			for (const pid of n.participantIds) expect(ids.has(pid)).toBe(true);
			for (const pid of mentionedIds(n.doc)) expect(ids.has(pid)).toBe(true);
		}
		expect((await getSettings()).demo).toBe(true);
	});
});
