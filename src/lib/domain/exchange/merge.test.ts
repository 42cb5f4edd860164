import { describe, expect, it } from 'vitest';
import { compareRev, joinRev, planImport } from './merge';
import { apply, byId, edit, rec } from '$lib/testing/exchange-records';

describe('compareRev', () => {
	it('orders version vectors, a missing device counting as no changes', () => {
		expect(compareRev({ A: 2, B: 1 }, { A: 2, B: 1 })).toBe('equal');
		expect(compareRev({}, { A: 0 })).toBe('equal');
		expect(compareRev({ A: 3, B: 1 }, { A: 2, B: 1 })).toBe('ahead');
		expect(compareRev({ A: 1, B: 1 }, { A: 1 })).toBe('ahead');
		expect(compareRev({ A: 1 }, { A: 1, B: 1 })).toBe('behind');
		expect(compareRev({ A: 2 }, { A: 1, B: 1 })).toBe('concurrent');
	});
	it('joins two vectors pointwise', () => {
		expect(joinRev({ A: 2, B: 1 }, { A: 1, C: 4 })).toEqual({ A: 2, B: 1, C: 4 });
	});
});

describe('planImport', () => {
	const base = rec({ name: 'Trappen', category: 'hangout' }, { A: 1 });

	it('adds a record never seen', () => {
		const plan = planImport(new Map(), [base]);
		expect(plan.decisions).toEqual([{ kind: 'add', id: base.id, incoming: base }]);
		expect(plan.writes).toEqual([base]);
		expect(plan.counts.add).toBe(1);
	});

	it('takes the incoming record when only the other side changed it', () => {
		const theirs = edit(base, 'B', { name: 'Trappen ved kirken' });
		const plan = planImport(byId(base), [theirs]);
		expect(plan.decisions[0]).toMatchObject({ kind: 'take-incoming', effect: 'update' });
		expect(plan.writes).toEqual([theirs]);
	});

	it('keeps the local record when only this side changed it', () => {
		const mine = edit(base, 'A', { name: 'Trappen ved kirken' });
		const plan = planImport(byId(mine), [base]);
		expect(plan.decisions[0]).toMatchObject({ kind: 'keep-local' });
		expect(plan.writes).toEqual([]);
	});

	it('reports a conflict when both sides changed it since they last met', () => {
		const mine = edit(base, 'A', { name: 'Trappen', category: 'using' });
		const theirs = edit(base, 'B', { name: 'Kirketrappen' });
		const plan = planImport(byId(mine), [theirs]);
		expect(plan.decisions[0]).toMatchObject({
			kind: 'conflict',
			reason: 'both-changed',
			local: mine,
			incoming: theirs
		});
		expect(plan.conflicts).toHaveLength(1);
		expect(plan.writes).toEqual([]);
	});

	it('sees identical changes on both sides as the same, and remembers both histories', () => {
		const mine = edit(base, 'A', { name: 'Kirketrappen' }, 5_000);
		const theirs = edit(base, 'B', { name: 'Kirketrappen' }, 9_000);
		const plan = planImport(byId(mine), [theirs]);
		expect(plan.decisions[0]).toMatchObject({ kind: 'same' });
		expect(plan.writes).toEqual([{ ...mine, rev: { A: 2, B: 1 } }]);
		// Their next edit is then simply newer, not a conflict.
		const later = edit(theirs, 'B', { name: 'Trappen igen' });
		const next = planImport(apply(byId(mine), plan.writes), [{ ...later, rev: { A: 2, B: 2 } }]);
		expect(next.decisions[0]).toMatchObject({ kind: 'take-incoming' });
	});

	it('carries a deletion made on one side when the other did not change the record', () => {
		const deleted = edit(base, 'B', { deletedAt: 3_000 });
		const there = planImport(byId(base), [deleted]);
		expect(there.decisions[0]).toMatchObject({ kind: 'take-incoming', effect: 'delete' });
		expect(there.writes[0]!.deletedAt).toBe(3_000);
		const here = planImport(byId(deleted), [base]);
		expect(here.decisions[0]).toMatchObject({ kind: 'keep-local' });
		expect(here.writes).toEqual([]);
	});

	it('carries a restore from the trash like any other change', () => {
		const deleted = edit(base, 'A', { deletedAt: 3_000 });
		const restored = edit(deleted, 'B', { deletedAt: null });
		expect(planImport(byId(deleted), [restored]).decisions[0]).toMatchObject({
			kind: 'take-incoming',
			effect: 'restore'
		});
	});

	it('reports a conflict when one side deleted what the other changed', () => {
		const deletedHere = edit(base, 'A', { deletedAt: 3_000 });
		const changedThere = edit(base, 'B', { name: 'Kirketrappen' });
		expect(planImport(byId(deletedHere), [changedThere]).decisions[0]).toMatchObject({
			kind: 'conflict',
			reason: 'deleted-here'
		});
		expect(planImport(byId(changedThere), [deletedHere]).decisions[0]).toMatchObject({
			kind: 'conflict',
			reason: 'deleted-there'
		});
	});

	it('sees a record deleted on both sides as the same', () => {
		const a = edit(base, 'A', { deletedAt: 3_000 });
		const b = edit(base, 'B', { deletedAt: 4_000 });
		expect(planImport(byId(a), [b]).decisions[0]).toMatchObject({ kind: 'same' });
	});

	it('adds a tombstone never seen, so an older live copy arriving later cannot bring it back', () => {
		const tombstone = edit(base, 'B', { deletedAt: 3_000 });
		const first = planImport(new Map(), [tombstone]);
		expect(first.decisions[0]).toMatchObject({ kind: 'add' });
		const after = apply(new Map(), first.writes);
		expect(planImport(after, [base]).decisions[0]).toMatchObject({ kind: 'keep-local' });
	});

	it('decides by version vectors, whatever the clocks say', () => {
		// Their clock is years ahead, but their record is older: ours stays.
		const mine = edit(base, 'A', { name: 'Ny' }, 2_100);
		const futureOld = { ...base, updatedAt: Date.UTC(2040, 0, 1) };
		expect(planImport(byId(mine), [futureOld]).decisions[0]).toMatchObject({ kind: 'keep-local' });
		// Their clock is years behind, but their record is newer: theirs is taken.
		const pastNew = edit(base, 'B', { name: 'Nyere' }, 0);
		expect(planImport(byId(base), [pastNew]).decisions[0]).toMatchObject({ kind: 'take-incoming' });
		// Concurrent edits are a conflict even when one clock looks much later.
		const farFuture = edit(base, 'B', { name: 'X' }, Date.UTC(2040, 0, 1));
		expect(planImport(byId(mine), [farFuture]).decisions[0]).toMatchObject({ kind: 'conflict' });
	});

	it('changes nothing when the same package is imported twice', () => {
		const other = rec({ name: 'Mekka' }, { B: 1 });
		const incoming = [edit(base, 'B', { name: 'Kirketrappen' }), other];
		const first = planImport(byId(base), incoming);
		expect(first.writes).toHaveLength(2);
		const second = planImport(apply(byId(base), first.writes), incoming);
		expect(second.writes).toEqual([]);
		expect(second.counts).toMatchObject({ same: 2, add: 0, 'take-incoming': 0, conflict: 0 });
	});

	it('changes nothing when an old package arrives after newer ones', () => {
		const v2 = edit(base, 'B', { name: 'v2' });
		const v3 = edit(v2, 'B', { name: 'v3' });
		let here = apply(byId(base), planImport(byId(base), [v3]).writes);
		const old = planImport(here, [v2]);
		expect(old.writes).toEqual([]);
		expect(old.decisions[0]).toMatchObject({ kind: 'keep-local' });
		here = apply(here, old.writes);
		expect(here.get(base.id)!.name).toBe('v3');
	});

	it('flags equal vectors with different content (a device restored from an old backup) as a conflict', () => {
		const a = edit(base, 'A', { name: 'one' });
		const b = { ...edit(base, 'A', { name: 'two' }) };
		expect(planImport(byId(a), [b]).decisions[0]).toMatchObject({
			kind: 'conflict',
			reason: 'diverged'
		});
	});

	it('ignores key order and metadata when comparing content', () => {
		const reordered = Object.fromEntries(Object.entries(base).reverse()) as typeof base;
		const plan = planImport(byId(base), [{ ...reordered, updatedAt: 99, authorId: 'bo' }]);
		expect(plan.decisions[0]).toMatchObject({ kind: 'same', write: null });
	});

	it('accepts the local records as a list too', () => {
		expect(planImport([base], [base]).counts.same).toBe(1);
	});
});
