import { describe, expect, it } from 'vitest';
import { KdfUnavailableError } from './errors';
import {
	ARGON2_CHAIN,
	ARGON2_FLOOR,
	deriveNewSecret,
	deriveSecret,
	PBKDF2_ITERATIONS,
	type Argon2Input,
	type KdfParams
} from './kdf';
import { CHEAP_KDF } from '$lib/testing/crypto';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** An Argon2 stand-in that fails to allocate above `maxKiB`, and records what was asked. */
function limitedMemory(
	maxKiB: number,
	error: () => Error = () => new RangeError('WebAssembly.Memory(): could not allocate memory')
) {
	const calls: Argon2Input[] = [];
	const argon2 = async (input: Argon2Input) => {
		calls.push(input);
		if (input.m > maxKiB) throw error();
		return new Uint8Array(input.hashLength).fill(input.m % 251);
	};
	return { calls, argon2 };
}

describe('key derivation', () => {
	it('derives the same secret from the same passphrase and parameters, another from another salt', async () => {
		const a = await deriveNewSecret('fire tilfældige ord her', CHEAP_KDF);
		expect(a.params).toMatchObject({ alg: 'argon2id', m: 1024, t: 1, p: 1 });
		expect(a.secret).toHaveLength(32);
		const again = await deriveSecret('fire tilfældige ord her', a.params);
		expect(hex(again)).toBe(hex(a.secret));
		const b = await deriveNewSecret('fire tilfældige ord her', CHEAP_KDF);
		expect(b.params.salt).not.toBe(a.params.salt);
		expect(hex(b.secret)).not.toBe(hex(a.secret));
		const other = await deriveSecret('fire tilfældige ord der', a.params);
		expect(hex(other)).not.toBe(hex(a.secret));
	});

	it('treats composed and decomposed letters alike (NFKC)', async () => {
		const { params, secret } = await deriveNewSecret('Søren på café', CHEAP_KDF);
		const decomposed = 'Søren på café'.normalize('NFD');
		expect(hex(await deriveSecret(decomposed, params))).toBe(hex(secret));
	});

	it('uses Argon2id 64 MiB, t = 3, p = 1 by default', async () => {
		const { calls, argon2 } = limitedMemory(1 << 30);
		const { params } = await deriveNewSecret('x', { argon2, wasm: true });
		expect(params).toMatchObject({ alg: 'argon2id', m: 65536, t: 3, p: 1 });
		expect(calls.map((c) => [c.m, c.t, c.p])).toEqual([[65536, 3, 1]]);
		expect(calls[0]!.salt).toHaveLength(16);
	});

	it('falls back to 32 MiB/t = 4, then 19 MiB/t = 2 (OWASP minimum), never lower', async () => {
		const at32 = limitedMemory(40_000);
		expect((await deriveNewSecret('x', { argon2: at32.argon2, wasm: true })).params).toMatchObject({
			alg: 'argon2id',
			m: 32768,
			t: 4,
			p: 1
		});
		const at19 = limitedMemory(20_000);
		expect((await deriveNewSecret('x', { argon2: at19.argon2, wasm: true })).params).toMatchObject({
			alg: 'argon2id',
			m: 19456,
			t: 2,
			p: 1
		});
		expect(at19.calls.map((c) => [c.m, c.t, c.p])).toEqual([
			[65536, 3, 1],
			[32768, 4, 1],
			[19456, 2, 1]
		]);
		// Below 19 MiB nothing is tried: the derivation says it cannot, rather than go weaker.
		const at18 = limitedMemory(19_000);
		const error = await deriveNewSecret('x', { argon2: at18.argon2, wasm: true }).catch((e) => e);
		expect(error).toMatchObject({ name: 'KdfUnavailableError', reason: 'memory' });
		expect(Math.min(...at18.calls.map((c) => c.m))).toBe(ARGON2_FLOOR.m);
		for (const cost of ARGON2_CHAIN) {
			expect(cost.m).toBeGreaterThanOrEqual(ARGON2_FLOOR.m);
			expect(cost.m * cost.t).toBeGreaterThanOrEqual(ARGON2_FLOOR.m * ARGON2_FLOOR.t);
		}
	});

	it('falls back when the real hash-wasm cannot allocate (8 GiB is beyond WebAssembly memory)', async () => {
		const impossible = { m: 8 * 1024 * 1024, t: 1, p: 1 };
		const { params } = await deriveNewSecret('x', { chain: [impossible, { m: 1024, t: 1, p: 1 }] });
		expect(params).toMatchObject({ alg: 'argon2id', m: 1024 });
		const hashWasmError = limitedMemory(
			0,
			() => new RangeError('Invalid typed array length: 8589935616')
		);
		const error = await deriveNewSecret('x', { argon2: hashWasmError.argon2, wasm: true }).catch(
			(e) => e
		);
		expect(error).toMatchObject({ name: 'KdfUnavailableError', reason: 'memory' });
		expect(hashWasmError.calls).toHaveLength(3);
	});

	it('gives up with a memory error rather than silently using PBKDF2 when WebAssembly works', async () => {
		const none = limitedMemory(1000, () => new Error('Out of memory: Cannot allocate Wasm memory'));
		const error = await deriveNewSecret('x', { argon2: none.argon2, wasm: true }).catch((e) => e);
		expect(error).toBeInstanceOf(KdfUnavailableError);
		expect(error.reason).toBe('memory');
	});

	it('uses PBKDF2-SHA256 with 600,000 iterations only without WebAssembly', async () => {
		const { calls, argon2 } = limitedMemory(1 << 30);
		const { params, secret } = await deriveNewSecret('x', { argon2, wasm: false });
		expect(calls).toHaveLength(0);
		expect(params).toMatchObject({ alg: 'pbkdf2-sha256', iterations: PBKDF2_ITERATIONS });
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
		expect(hex(await deriveSecret('x', params))).toBe(hex(secret));
	});

	it('counts WebAssembly refused by the Content Security Policy as no WebAssembly', async () => {
		const argon2 = async () => {
			throw new WebAssembly.CompileError('WebAssembly.instantiate(): Refused to compile');
		};
		const { params } = await deriveNewSecret('x', { argon2, wasm: true });
		expect(params.alg).toBe('pbkdf2-sha256');
	});

	it('unlocks with the stored parameters, and says so when this device cannot', async () => {
		const params: KdfParams = {
			alg: 'argon2id',
			m: 65536,
			t: 3,
			p: 1,
			salt: 'AAAAAAAAAAAAAAAAAAAAAA=='
		};
		const noWasm = await deriveSecret('x', params, { wasm: false }).catch((e) => e);
		expect(noWasm).toMatchObject({ name: 'KdfUnavailableError', reason: 'no-wasm' });
		const small = limitedMemory(20_000);
		const noMemory = await deriveSecret('x', params, { argon2: small.argon2, wasm: true }).catch(
			(e) => e
		);
		expect(noMemory).toMatchObject({ name: 'KdfUnavailableError', reason: 'memory' });
		expect(small.calls).toHaveLength(1); // no weaker cost is tried: it would give another key
	});

	it('lets other errors through', async () => {
		const argon2 = async () => {
			throw new TypeError('bug');
		};
		await expect(deriveNewSecret('x', { argon2, wasm: true })).rejects.toThrow('bug');
	});
});
