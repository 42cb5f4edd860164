import { describe, expect, it } from 'vitest';
import { newId } from '../records/ids';
import { derivedGuid, exportGuids, qdaGuid } from './guid';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('GUIDs of an export', () => {
	it('are name-based UUIDs: the same record, the same GUID', () => {
		const id = newId();
		expect(qdaGuid('source', id)).toBe(qdaGuid('source', id));
		expect(qdaGuid('source', id)).not.toBe(qdaGuid('case', id));
		expect(qdaGuid('source', id)).toMatch(UUID_V5);
		const derived = derivedGuid(qdaGuid('source', id), qdaGuid('part', 'selection'));
		expect(derived).toMatch(UUID_V5);
		expect(derived).not.toBe(qdaGuid('source', id));
	});

	it('never repeat across the selections, quotes and codings of many notes', () => {
		const g = exportGuids();
		const codes = Array.from({ length: 30 }, () => newId());
		const seen = new Set<string>();
		let count = 0;
		for (let n = 0; n < 2_000; n++) {
			const source = g.source(newId());
			const selection = g.selection(source);
			const all = [source, selection, g.quote(source, 0), g.quote(source, 1)];
			for (const c of codes.slice(n % 25, (n % 25) + 5)) all.push(g.coding(selection, c));
			for (const guid of all) {
				expect(guid).toMatch(UUID_V5);
				seen.add(guid);
				count++;
			}
		}
		for (const c of codes) {
			seen.add(g.code(c));
			count++;
		}
		expect(seen.size).toBe(count);
	});
});
