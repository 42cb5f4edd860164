import { describe, expect, it } from 'vitest';
import type { DocNode } from '../notes/doc';
import { notePlaceIds, redirectPlaceMentions, timeSpent } from './links';

const mention = (id: string, char: '@' | '#', label = 'x'): DocNode => ({
	type: 'mention',
	attrs: { id, label, mentionSuggestionChar: char }
});
const docWith = (...nodes: DocNode[]): DocNode => ({
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ved ' }, ...nodes] }]
});

describe('a note’s links to places', () => {
	it('follows the # mentions of the text, leaving @ mentions alone', () => {
		expect(notePlaceIds(docWith(mention('P1', '#'), mention('U1', '@')), undefined)).toEqual([
			'P1'
		]);
	});

	it('drops a link when its mention is removed, and keeps links made outside the text', () => {
		const before = { doc: docWith(mention('P1', '#')), placeIds: ['P1', 'LABEL'] };
		expect(notePlaceIds(docWith(), before)).toEqual(['LABEL']);
		expect(notePlaceIds(docWith(mention('P2', '#')), before)).toEqual(['LABEL', 'P2']);
	});

	it('takes an explicit list as the links made outside the text', () => {
		const before = { doc: docWith(), placeIds: ['OLD'] };
		expect(notePlaceIds(docWith(mention('P1', '#')), before, ['NEW'])).toEqual(['NEW', 'P1']);
	});

	it('points # mentions of merged places at the kept place, keeping the written label', () => {
		const doc = docWith(mention('OLD', '#', 'Mekka'), mention('OLD', '@', 'VB-001'));
		const out = redirectPlaceMentions(doc, new Map([['OLD', 'KEPT']]));
		const nodes = out.content![0]!.content!;
		expect(nodes[1]!.attrs).toMatchObject({ id: 'KEPT', label: 'Mekka' });
		expect(nodes[2]!.attrs).toMatchObject({ id: 'OLD' });
		expect(redirectPlaceMentions(doc, new Map([['OTHER', 'KEPT']]))).toBe(doc);
	});
});

describe('time spent at a place', () => {
	it('sums finished visits per follow-along and in all, most time first', () => {
		const t = timeSpent([
			{ followAlongId: 'A', arrivedAt: 0, departedAt: 10 * 60_000 },
			{ followAlongId: 'B', arrivedAt: 0, departedAt: 30 * 60_000 },
			{ followAlongId: 'A', arrivedAt: 100, departedAt: 100 + 5 * 60_000 },
			{ followAlongId: 'B', arrivedAt: 0, departedAt: null }
		]);
		expect(t.totalMs).toBe(45 * 60_000);
		expect(t.visits).toBe(4);
		expect(t.ongoing).toBe(1);
		expect(t.byFollowAlong).toEqual([
			{ followAlongId: 'B', ms: 30 * 60_000, visits: 2 },
			{ followAlongId: 'A', ms: 15 * 60_000, visits: 2 }
		]);
	});

	it('never counts negative time when a clock went backwards', () => {
		expect(timeSpent([{ followAlongId: 'A', arrivedAt: 500, departedAt: 100 }]).totalMs).toBe(0);
	});
});
