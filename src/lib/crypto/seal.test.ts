import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from './bytes';
import { DamagedError } from './errors';
import { containsBytes } from '$lib/testing/crypto';
import { additionalData, isSealed, openBytes, openJson, sealBytes, sealJson } from './seal';

const newKey = () =>
	crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const ctx = { table: 'notes', id: '01HZX8Y7K3M9Q2W4E6R8T0Y1U2', v: 3 };

describe('seal', () => {
	it('round-trips bytes and JSON', async () => {
		const key = await newKey();
		const bytes = await sealBytes(key, ctx, utf8('hemmelig'));
		expect(fromUtf8(await openBytes(key, ctx, bytes))).toBe('hemmelig');
		const json = await sealJson(key, ctx, { a: [1, 'ø', null] });
		expect(await openJson(key, ctx, json)).toEqual({ a: [1, 'ø', null] });
		expect(isSealed(json)).toBe(true);
		expect(isSealed({ a: 1 })).toBe(false);
	});

	it('hides the plaintext and grows it by only 29 bytes', async () => {
		const key = await newKey();
		const sealed = await sealBytes(key, ctx, utf8('MARKER-ORD'));
		expect(containsBytes(sealed, utf8('MARKER'))).toBe(false);
		expect(sealed.length).toBe(10 + 1 + 12 + 16);
	});

	it('fails to open on another table, id or schema version (additional data)', async () => {
		const key = await newKey();
		const sealed = await sealJson(key, ctx, { text: 'x' });
		for (const other of [
			{ ...ctx, table: 'places' },
			{ ...ctx, id: '01HZX8Y7K3M9Q2W4E6R8T0Y1U3' },
			{ ...ctx, v: 2 }
		]) {
			const opening = openJson(key, other, sealed);
			await expect(opening).rejects.toBeInstanceOf(DamagedError);
			await expect(opening).rejects.toMatchObject({ reason: 'tampered' });
		}
	});

	it('encodes the context unambiguously', () => {
		const a = additionalData({ table: 'a', id: 'b","c', v: 1 });
		const b = additionalData({ table: 'a","b', id: 'c', v: 1 });
		expect(fromUtf8(a)).not.toBe(fromUtf8(b));
	});

	it('fails on a changed byte, a wrong key, or something that is not sealed', async () => {
		const key = await newKey();
		const sealed = await sealJson(key, ctx, { text: 'x' });
		for (const i of [1, 13, sealed.length - 1]) {
			const changed = sealed.slice();
			changed[i]! ^= 1;
			await expect(openJson(key, ctx, changed)).rejects.toBeInstanceOf(DamagedError);
		}
		await expect(openJson(await newKey(), ctx, sealed)).rejects.toBeInstanceOf(DamagedError);
		await expect(openJson(key, ctx, { text: 'x' })).rejects.toMatchObject({
			reason: 'wrong-format'
		});
	});

	it('never repeats an IV across 10,000 seals', async () => {
		const key = await newKey();
		const sealed = await Promise.all(
			Array.from({ length: 10_000 }, () => sealBytes(key, ctx, utf8('same plaintext')))
		);
		const ivs = new Set(sealed.map((s) => Array.from(s.subarray(1, 13)).join(',')));
		expect(ivs.size).toBe(10_000);
		const ciphertexts = new Set(sealed.map((s) => Array.from(s.subarray(13)).join(',')));
		expect(ciphertexts.size).toBe(10_000);
	});
});
