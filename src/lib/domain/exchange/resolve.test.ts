import { describe, expect, it } from 'vitest';
import { ULID_PATTERN } from '../records/ids';
import { planImport, type ExchangeRecord } from './merge';
import { resolveConflict } from './resolve';
import { apply, byId, edit, rec } from '$lib/testing/exchange-records';

const me = { deviceId: 'A', authorId: 'anna', now: 50_000 };
const base = rec({ name: 'Trappen', category: 'hangout' }, { A: 1, B: 1 });
const mine = edit(base, 'A', { category: 'using' });
const theirs = edit(base, 'B', { name: 'Kirketrappen' });
const conflict = { local: mine, incoming: theirs };

/** After resolving here, the other side imports what we now hold. */
const theyImport = (their: Map<string, ExchangeRecord>, ours: ExchangeRecord[]) =>
	planImport(their, ours);

describe('resolving a conflict', () => {
	it('take mine: my content, a vector newer than both sides', () => {
		const { writes, copy } = resolveConflict(conflict, 'mine', me);
		expect(copy).toBeNull();
		expect(writes).toHaveLength(1);
		expect(writes[0]).toMatchObject({
			id: base.id,
			name: 'Trappen',
			category: 'using',
			rev: { A: 3, B: 2 }
		});
		expect(writes[0]!.updatedAt).toBe(50_000);
		// Both sides now see the resolution as the newer version.
		expect(planImport(byId(writes[0]!), [theirs]).decisions[0]!.kind).toBe('keep-local');
		expect(theyImport(byId(theirs), writes).decisions[0]!.kind).toBe('take-incoming');
	});

	it('take theirs: their content, stamped as my change', () => {
		const { writes } = resolveConflict(conflict, 'theirs', me);
		expect(writes[0]).toMatchObject({
			name: 'Kirketrappen',
			category: 'hangout',
			rev: { A: 3, B: 2 },
			authorId: 'anna',
			deviceId: 'A'
		});
		expect(theyImport(byId(theirs), writes).decisions[0]!.kind).toBe('take-incoming');
	});

	it('keep both: theirs becomes a new record with a marked name', () => {
		const { writes, copy } = resolveConflict(conflict, 'both', { ...me, copySuffix: ' (Bo)' });
		expect(writes).toHaveLength(2);
		expect(writes[0]).toMatchObject({ id: base.id, category: 'using', rev: { A: 3, B: 2 } });
		expect(copy).toBe(writes[1]);
		expect(copy!.id).not.toBe(base.id);
		expect(copy!.id).toMatch(ULID_PATTERN);
		expect(copy).toMatchObject({
			name: 'Kirketrappen (Bo)',
			rev: { A: 1 },
			createdAt: 50_000,
			deletedAt: null
		});
		// The other side gets our version of the original and the copy as a new record.
		const plan = theyImport(byId(theirs), writes);
		expect(plan.decisions.map((d) => d.kind)).toEqual(['take-incoming', 'add']);
	});

	it('keep both shortens a long name to make room for the mark and lets the caller mark it', () => {
		const long = { local: mine, incoming: { ...theirs, name: 'x'.repeat(200) } };
		const { copy } = resolveConflict(long, 'both', me);
		expect((copy!.name as string).length).toBe(200);
		expect(copy!.name).toMatch(/ \(2\)$/);
		const custom = resolveConflict(conflict, 'both', {
			...me,
			markCopy: (r) => ({ ...r, pseudonym: 'VB-099' })
		});
		expect(custom.copy).toMatchObject({ name: 'Kirketrappen', pseudonym: 'VB-099' });
	});

	it('keep both of a deletion and a change keeps the live one and makes no copy', () => {
		const deleted = edit(base, 'A', { deletedAt: 40_000 });
		const { writes, copy } = resolveConflict({ local: deleted, incoming: theirs }, 'both', me);
		expect(copy).toBeNull();
		expect(writes[0]).toMatchObject({ name: 'Kirketrappen', deletedAt: null, rev: { A: 3, B: 2 } });
	});

	it('lets a deletion win when chosen', () => {
		const deleted = edit(base, 'B', { deletedAt: 40_000 });
		const { writes } = resolveConflict({ local: mine, incoming: deleted }, 'theirs', me);
		expect(writes[0]!.deletedAt).toBe(40_000);
	});

	it('two devices that exchange both ways and resolve the conflict end identical', () => {
		let a = byId(base);
		let b = byId(base);
		const extraA = rec({ name: 'Mekka' }, { A: 1 });
		a = apply(a, [edit(base, 'A', { category: 'using' }), extraA]);
		b = apply(b, [edit(base, 'B', { name: 'Kirketrappen' })]);
		// A imports B's package, resolves by keeping both.
		const atA = planImport(a, [...b.values()]);
		expect(atA.conflicts).toHaveLength(1);
		const resolved = resolveConflict(atA.conflicts[0]!, 'both', me);
		a = apply(apply(a, atA.writes), resolved.writes);
		// B imports A's package: no conflict left.
		const atB = planImport(b, [...a.values()]);
		expect(atB.conflicts).toEqual([]);
		b = apply(b, atB.writes);
		expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
		// A third, old package (B's first state) changes nothing on either side.
		expect(planImport(a, [base]).writes).toEqual([]);
		expect(planImport(b, [base]).writes).toEqual([]);
	});
});
