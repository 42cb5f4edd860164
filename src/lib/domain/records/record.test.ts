import { describe, expect, it } from 'vitest';
import { newId, singletonId, ULID_PATTERN } from './ids';
import {
	isMetaKey,
	isNewer,
	META_KEYS,
	nextUpdatedAt,
	pickMeta,
	RecordMeta,
	splitEntity,
	stamp
} from './record';

describe('ids', () => {
	it('carry no creation time: random, ULID-shaped, never the same twice', () => {
		const ids = Array.from({ length: 2000 }, () => newId());
		expect(ids.every((id) => ULID_PATTERN.test(id))).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
		// Made one after another, they are not in order (a ULID's first 10 characters were its time).
		expect([...ids].sort()).not.toEqual(ids);
		expect(new Set(ids.map((id) => id.slice(0, 2))).size).toBeGreaterThan(500);
	});
	it('singleton ids are valid ULIDs', () => {
		expect(singletonId('set1')).toMatch(ULID_PATTERN);
		expect(() => singletonId('')).toThrow();
	});
});

/** A record's metadata as a device stored it. */
function stored(over: Partial<RecordMeta> = {}): RecordMeta {
	const at = { createdAt: 1, updatedAt: 2, deletedAt: null };
	return { id: newId(), ...at, authorId: 'a', deviceId: 'd', rev: {}, ...over };
}

describe('records', () => {
	const meta = stored();
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

describe('stamping a change', () => {
	const by = { authorId: 'author-b', deviceId: 'device-b' };
	const before = {
		...stored({ updatedAt: 5_000, authorId: 'author-a', deviceId: 'device-a' }),
		rev: { 'device-a': 2 } as Record<string, number>,
		text: 'før'
	};

	it('moves updatedAt on with the clock', () => {
		expect(nextUpdatedAt(5_000, 9_000)).toBe(9_000);
		expect(stamp(before, {}, 9_000, by).updatedAt).toBe(9_000);
	});

	it('stays monotonic when the clock goes back or stands still', () => {
		expect(nextUpdatedAt(5_000, 1_000)).toBe(5_001);
		expect(nextUpdatedAt(5_000, 5_000)).toBe(5_001);
		const once = stamp(before, { text: 'efter' }, 1_000, by);
		const twice = stamp(once, { text: 'igen' }, 1_000, by);
		expect([once.updatedAt, twice.updatedAt]).toEqual([5_001, 5_002]);
		expect(isNewer(twice, once)).toBe(true);
	});

	it('counts the change once on this device, keeps the other devices and says who made it', () => {
		const changed = stamp(before, { text: 'efter' }, 9_000, by);
		expect(changed.rev).toEqual({ 'device-a': 2, 'device-b': 1 });
		expect(stamp(changed, {}, 9_001, by).rev).toEqual({ 'device-a': 2, 'device-b': 2 });
		expect(changed).toMatchObject({ authorId: 'author-b', deviceId: 'device-b', text: 'efter' });
		expect(before.rev).toEqual({ 'device-a': 2 });
	});

	it('cannot be told a time or a version: the stamp has the last word', () => {
		const changed = stamp(before, { updatedAt: 1, rev: {}, deviceId: 'x' }, 9_000, by);
		expect(changed).toMatchObject({ updatedAt: 9_000, deviceId: 'device-b' });
		expect(changed.rev).toEqual({ 'device-a': 2, 'device-b': 1 });
	});
});

describe('the metadata keys', () => {
	it('are the fields of RecordMeta, and nothing of the content', () => {
		expect([...META_KEYS].sort()).toEqual(Object.keys(RecordMeta.shape).sort());
		expect(META_KEYS.every(isMetaKey)).toBe(true);
		expect(isMetaKey('text')).toBe(false);
	});

	it('pick the metadata from a stored row and leave the rest', () => {
		const row = {
			...stamp(stored(), {}, 10, { authorId: 'a', deviceId: 'd' }),
			v: 3,
			payload: 'x'
		};
		expect(Object.keys(pickMeta(row)).sort()).toEqual([...META_KEYS].sort());
	});
});
