import { describe, expect, it } from 'vitest';
import { edit, rec } from '$lib/testing/exchange-records';
import { decodeChange, encodeChange, recordKey } from './change';
import { planSync, stillConflicts, type IncomingChange } from './plan';

const incoming = (table: string, record: ReturnType<typeof rec>): IncomingChange => ({
	kind: 'record',
	table,
	id: record.id,
	record
});

describe('planning a pulled page', () => {
	it('takes a record edited three times as its last edit, in log order', () => {
		const r = rec({ text: 'a' }, { A: 1 });
		const r2 = edit(r, 'A', { text: 'b' });
		const r3 = edit(r2, 'A', { text: 'c' });
		const plan = planSync(
			new Map(),
			new Set(),
			[r, r2, r3].map((x) => incoming('notes', x))
		);
		expect(plan.writes.get(recordKey('notes', r.id))?.record.text).toBe('c');
		expect(plan.conflicts).toHaveLength(0);
	});

	it('keeps a concurrent version as a conflict (once), never guessing', () => {
		const base = rec({ text: 'a' }, { A: 1 });
		const mine = edit(base, 'B', { text: 'mine' });
		const theirs = edit(base, 'A', { text: 'theirs' });
		const local = new Map([[recordKey('notes', base.id), mine]]);
		const plan = planSync(local, new Set(), [incoming('notes', theirs), incoming('notes', theirs)]);
		expect(plan.writes.size).toBe(0);
		expect(plan.conflicts).toHaveLength(1);
		expect(plan.conflicts[0]!.incoming.text).toBe('theirs');
		expect(stillConflicts(mine, theirs)).toBe(true);
		// Settled with a vector ahead of both: the kept version no longer conflicts.
		const settled = { ...mine, rev: { A: 2, B: 2 } };
		expect(stillConflicts(settled, theirs)).toBe(false);
	});

	it('a purge wins, and an older copy arriving after it is ignored', () => {
		const r = rec({ text: 'a' }, { A: 1 });
		const plan = planSync(new Map(), new Set(), [
			{ kind: 'purge', table: 'notes', id: r.id },
			incoming('notes', edit(r, 'B', { text: 'late' }))
		]);
		expect(plan.writes.size).toBe(0);
		expect(plan.purges.has(recordKey('notes', r.id))).toBe(true);
		expect(plan.counts.ignored).toBe(1);
	});

	it('a change travels as JSON and comes back the same; foreign bytes are refused', () => {
		const r = rec({ text: 'Kødbyen' }, { A: 1 });
		const change = { kind: 'record' as const, table: 'notes', id: r.id, v: 1, record: r };
		expect(decodeChange(encodeChange(change))).toEqual(change);
		expect(decodeChange(new TextEncoder().encode('{"kind":"other"}'))).toBeNull();
		expect(decodeChange(new Uint8Array([0xff, 0xfe]))).toBeNull();
	});
});
