import { afterEach, describe, expect, it } from 'vitest';
import { LockedError } from '$lib/crypto/errors';
import { deriveSyncMac } from '$lib/crypto/sync-mac';
import { holdIndexKey, indexKey } from './index-key';

const base = (byte: number) =>
	globalThis.crypto.subtle.importKey('raw', new Uint8Array(32).fill(byte), 'HKDF', false, [
		'deriveBits'
	]);

afterEach(() => holdIndexKey(null, false));

describe('keyed index values', () => {
	it('hide the id, match equal ids under one key, and differ under another', async () => {
		const id = '01J8ZKQ2W3E4R5T6Y7U8I9O0PA';
		holdIndexKey(await deriveSyncMac(await base(1), 'index'), true);
		const keyed = indexKey(id);
		expect(keyed).not.toContain(id);
		expect(indexKey(id)).toBe(keyed);
		expect(indexKey('01J8ZKQ2W3E4R5T6Y7U8I9O0PB')).not.toBe(keyed);
		// Not the rollback guard's tag of the same input: each purpose has its own key.
		const rollback = await deriveSyncMac(await base(1), 'rollback');
		expect(rollback.tag(['index', id])).not.toBe(keyed);
		holdIndexKey(await deriveSyncMac(await base(2), 'index'), true);
		expect(indexKey(id)).not.toBe(keyed);
	});

	it('refuse a lookup while an encrypted workspace is locked; without a vault, the id itself', async () => {
		holdIndexKey(null, true);
		expect(() => indexKey('X')).toThrow(LockedError);
		holdIndexKey(null, false);
		expect(indexKey('X')).toBe('X');
	});
});
