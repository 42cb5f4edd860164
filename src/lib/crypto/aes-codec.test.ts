import { afterEach, describe, expect, it } from 'vitest';
import { useCodec, identityCodec } from '$lib/db/codec';
import { ethnographersRepo } from '$lib/db/ethnographers.repo';
import { dropWorkspace, freshWorkspace } from '$lib/testing/workspace';
import { db } from '$lib/db/workspace';
import { AesCodec } from './aes-codec';
import { utf8 } from './bytes';
import { ChangedOutsideError, LockedError } from './errors';
import { containsBytes } from '$lib/testing/crypto';

const newKey = () =>
	crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const ctx = { table: 'fixChunks', id: '01HZX8Y7K3M9Q2W4E6R8T0Y1U2', v: 1 };

const bits = (a: ArrayBufferView) =>
	Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

describe('AesCodec', () => {
	it('round-trips a fix chunk: Float64Array, Float32Array and Uint8Array columns, bit for bit', async () => {
		const codec = new AesCodec(await newKey());
		const chunk = {
			followAlongId: 'f1',
			t: Float64Array.of(1_700_000_000_000, 1_700_000_001_000, NaN),
			lat: Float64Array.of(55.664912345678, -0, Infinity),
			lon: new Float64Array([12.551634, 12.5517, 1e-300]),
			acc: Float32Array.of(4.5, 12.25, 3.4028234663852886e38),
			src: Uint8Array.of(0, 1, 255),
			nested: { odd: Uint8Array.of(7), list: [Float32Array.of(1.5)], empty: new Float64Array(0) }
		};
		const opened = (await codec.open(ctx, await codec.seal(ctx, chunk))) as typeof chunk;
		expect(opened.lat).toBeInstanceOf(Float64Array);
		expect(opened.acc).toBeInstanceOf(Float32Array);
		expect(opened.src).toBeInstanceOf(Uint8Array);
		for (const k of ['t', 'lat', 'lon', 'acc', 'src'] as const)
			expect(bits(opened[k])).toEqual(bits(chunk[k]));
		expect(Object.is(opened.lat[1], -0)).toBe(true);
		expect(opened.nested.odd).toEqual(Uint8Array.of(7));
		expect(opened.nested.list[0]).toEqual(Float32Array.of(1.5));
		expect(opened.nested.empty).toEqual(new Float64Array(0));
		expect(opened.followAlongId).toBe('f1');
		// Each column has its own buffer: transferring one to a worker leaves the others intact.
		expect(opened.lat.buffer).not.toBe(opened.lon.buffer);
	});

	it('round-trips a typed array that is a view into a larger buffer', async () => {
		const codec = new AesCodec(await newKey());
		const big = Float64Array.of(1, 2, 3, 4, 5);
		const opened = (await codec
			.seal(ctx, { lat: big.subarray(1, 3) })
			.then((s) => codec.open(ctx, s))) as { lat: Float64Array };
		expect(Array.from(opened.lat)).toEqual([2, 3]);
	});

	it('leaves neither text nor coordinates readable in what is stored', async () => {
		const codec = new AesCodec(await newKey());
		const lat = Float64Array.of(55.6649123);
		const stored = await codec.seal(ctx, { text: 'MARKERORD participant P-017', lat });
		expect(stored).toBeInstanceOf(Uint8Array);
		expect(containsBytes(stored, utf8('MARKERORD'))).toBe(false);
		expect(containsBytes(stored, utf8('P-017'))).toBe(false);
		expect(containsBytes(stored, new Uint8Array(lat.buffer))).toBe(false);
		expect(containsBytes(stored, utf8('55.66'))).toBe(false);
	});

	it('drops the key on lock: nothing seals or opens until unlocked again', async () => {
		const key = await newKey();
		const codec = new AesCodec(key);
		const stored = await codec.seal(ctx, { text: 'x' });
		codec.lock();
		expect(codec.locked).toBe(true);
		await expect(codec.open(ctx, stored)).rejects.toBeInstanceOf(LockedError);
		await expect(codec.seal(ctx, { text: 'y' })).rejects.toBeInstanceOf(LockedError);
		codec.unlock(key);
		expect(await codec.open(ctx, stored)).toEqual({ text: 'x' });
	});

	it('refuses unsealed payloads unless migrating, and refuses what cannot round-trip', async () => {
		const codec = new AesCodec(await newKey());
		await expect(codec.open(ctx, { text: 'plain' })).rejects.toBeInstanceOf(ChangedOutsideError);
		const migrating = new AesCodec(await newKey(), { acceptPlaintext: true });
		expect(await migrating.open(ctx, { text: 'plain' })).toEqual({ text: 'plain' });
		migrating.refusePlaintext();
		await expect(migrating.open(ctx, { text: 'plain' })).rejects.toBeInstanceOf(
			ChangedOutsideError
		);
		await expect(codec.seal(ctx, { at: new Date() })).rejects.toThrow(/Date/);
		await expect(codec.seal(ctx, { m: new Map() })).rejects.toThrow(/Map/);
		await expect(codec.seal(ctx, { '\u0000bin': 1 })).rejects.toThrow(/reserved/);
	});

	it('stores a structured-cloneable value that still opens after the clone (IndexedDB)', async () => {
		const codec = new AesCodec(await newKey());
		const stored = await codec.seal(ctx, { lat: Float64Array.of(55.1) });
		expect(await codec.open(ctx, structuredClone(stored))).toEqual({ lat: Float64Array.of(55.1) });
	});
});

describe('AesCodec behind the repositories (fake-indexeddb)', () => {
	let name = '';
	afterEach(async () => {
		useCodec(identityCodec);
		await dropWorkspace(name);
	});

	it('seals what repositories write, opens what they read, and nothing is read while locked', async () => {
		name = await freshWorkspace();
		const codec = new AesCodec(await newKey());
		useCodec(codec);
		const e = await ethnographersRepo.create({ displayName: 'MARKERNAVN' });
		const row = await db().ethnographers.get(e.id);
		expect(row?.payload).toBeInstanceOf(Uint8Array);
		expect(containsBytes(row!.payload as Uint8Array, utf8('MARKERNAVN'))).toBe(false);
		expect((await ethnographersRepo.get(e.id))?.displayName).toBe('MARKERNAVN');
		codec.lock();
		await expect(ethnographersRepo.get(e.id)).rejects.toBeInstanceOf(LockedError);
	});
});
