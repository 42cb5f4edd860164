import { describe, expect, it } from 'vitest';
import { idTime, newId, singletonId, ULID_PATTERN } from './ids';
import { isNewer, RecordMeta, splitEntity } from './record';

describe('ids', () => {
	it('sort by creation time, even within one millisecond', () => {
		const ids = Array.from({ length: 50 }, () => newId());
		expect([...ids].sort()).toEqual(ids);
		expect(idTime(newId(2000))).toBe(2000);
	});
	it('singleton ids are valid ULIDs', () => {
		expect(singletonId('set1')).toMatch(ULID_PATTERN);
		expect(() => singletonId('')).toThrow();
	});
});

describe('records', () => {
	const meta = {
		id: newId(),
		createdAt: 1,
		updatedAt: 2,
		deletedAt: null,
		authorId: 'a',
		deviceId: 'd',
		rev: {}
	};
	it('split keeps content apart from metadata', () => {
		const { meta: m, content } = splitEntity({ ...meta, text: 'hej' });
		expect(m).toEqual(meta);
		expect(content).toEqual({ text: 'hej' });
	});
	it('rejects a record without a valid id', () => {
		expect(RecordMeta.safeParse({ ...meta, id: 'x' }).success).toBe(false);
	});
	it('newer updatedAt wins, ties keep the existing one', () => {
		expect(isNewer({ ...meta, updatedAt: 3 }, meta)).toBe(true);
		expect(isNewer(meta, meta)).toBe(false);
		expect(isNewer(meta, undefined)).toBe(true);
	});
});
