import { describe, expect, it } from 'vitest';
import { KdfTooCostlyError } from './errors';
import { openEnvelope, readEnvelope, sealEnvelope } from './envelope';
import {
	ARGON2_CHAIN,
	ARGON2_MAX,
	assertAffordable,
	KdfParams,
	kdfStrength,
	PBKDF2_ITERATIONS
} from './kdf-params';
import { CHEAP_KDF } from '$lib/testing/crypto';

const salt = 'AAAAAAAAAAAAAAAAAAAAAA==';
const argon2 = (m: number, t: number, p = 1) => ({ alg: 'argon2id' as const, m, t, p, salt });
const pbkdf2 = (iterations: number) => ({ alg: 'pbkdf2-sha256' as const, iterations, salt });

describe('the bounds on key-derivation parameters', () => {
	it('are what the app itself would choose: 64 MiB, 4 passes, 1 lane, 192 MiB·passes', () => {
		expect(ARGON2_MAX).toEqual({ m: 65536, t: 4, p: 1, cost: 65536 * 3 });
		for (const cost of ARGON2_CHAIN)
			expect(KdfParams.safeParse(argon2(cost.m, cost.t)).success).toBe(true);
		expect(KdfParams.safeParse(pbkdf2(PBKDF2_ITERATIONS)).success).toBe(true);
		// Key files made before the floor was raised (46 MiB, t = 1) still open.
		expect(KdfParams.safeParse(argon2(46 * 1024, 1)).success).toBe(true);
	});

	it('refuse more memory, more passes, more lanes, a costlier mix, more iterations', () => {
		for (const k of [
			argon2(256 * 1024, 10),
			argon2(128 * 1024, 1),
			argon2(19 * 1024, 5),
			argon2(64 * 1024, 4),
			argon2(19 * 1024, 2, 4),
			pbkdf2(10_000_000)
		]) {
			expect(KdfParams.safeParse(k).success).toBe(false);
			expect(() => assertAffordable('envelope', k)).toThrow(KdfTooCostlyError);
		}
		// A wrong shape is not "too costly": the full schema calls it damaged.
		expect(() => assertAffordable('envelope', { alg: 'argon2id', m: 'lots' })).not.toThrow();
		expect(() => assertAffordable('envelope', undefined)).not.toThrow();
	});

	it('refuse a hostile backup that asks for 256 MiB and ten passes, before deriving anything', async () => {
		const file = JSON.parse(await sealEnvelope('{}', 'fire tilfældige ord her', CHEAP_KDF));
		const hostile = JSON.stringify({ ...file, kdf: { ...file.kdf, m: 256 * 1024, t: 10 } });
		let derived = false;
		const error = await openEnvelope(hostile, 'fire tilfældige ord her', {
			argon2: async () => {
				derived = true;
				return new Uint8Array(32);
			},
			wasm: true
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(KdfTooCostlyError);
		expect((error as KdfTooCostlyError).asked).toEqual({ memoryMiB: 256, passes: 10 });
		expect(derived).toBe(false);
		expect(() => readEnvelope(hostile)).toThrow(KdfTooCostlyError);
	});
});

describe('how strong a key is, in words', () => {
	it('names the first choice full, the memory fallbacks reduced, PBKDF2 and sub-minimum apart', () => {
		expect(kdfStrength(argon2(65536, 3))).toBe('full');
		expect(kdfStrength(argon2(32768, 4))).toBe('reduced');
		expect(kdfStrength(argon2(19456, 2))).toBe('reduced');
		expect(kdfStrength(argon2(47104, 1))).toBe('reduced');
		expect(kdfStrength(argon2(1024, 1))).toBe('weak');
		expect(kdfStrength(pbkdf2(600_000))).toBe('pbkdf2');
	});
});
