import { describe, expect, it } from 'vitest';
import { notesRepo } from '$lib/db/notes.repo';
import { participantsRepo } from '$lib/db/participants.repo';
import { getSettings } from '$lib/db/settings.repo';
import { useFreshWorkspace } from '$lib/testing/workspace';
import { mentionedIds } from '$lib/domain/notes/doc';
import { cellToParent } from 'h3-js';
import { interviewsRepo, namedPlacesRepo } from '$lib/db/named-places.repo';
import { neighbourhoodOfCode } from '$lib/domain/participants/participant';
import { resolutionOfCell } from '$lib/domain/named-places/named-place';
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

	it('has about 40 interviews and a 200-respondent survey, naming cells in every neighbourhood', async () => {
		await seedDemo();
		expect(await interviewsRepo.list()).toHaveLength(40);
		const named = await namedPlacesRepo.list();
		const surveyed = new Set(
			named.filter((n) => n.source === 'survey').map((n) => n.participantId)
		);
		expect(surveyed.size).toBe(200);
		const participants = new Map((await participantsRepo.list()).map((p) => [p.id, p]));
		// distinct participants (in aggregates) naming each resolution-8 cell (k = 5), by neighbourhood
		const byCell = new Map<string, Set<string>>();
		for (const n of named) {
			const p = participants.get(n.participantId)!;
			if (n.where.kind !== 'cell' || !p.consent.aggregate || p.withdrawnAt) continue;
			if (resolutionOfCell(n.where.cell) < 8) continue;
			const key = `${neighbourhoodOfCode(p.code)}:${cellToParent(n.where.cell, 8)}`;
			byCell.set(key, (byCell.get(key) ?? new Set()).add(p.id));
		}
		for (const nb of ['vesterbro', 'nordvest', 'sundholm']) {
			const best = Math.max(
				...[...byCell].filter(([k]) => k.startsWith(nb)).map(([, s]) => s.size)
			);
			expect(best).toBeGreaterThanOrEqual(5);
		}
	});
});
