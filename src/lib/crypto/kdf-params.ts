import { z } from 'zod';
import { KdfTooCostlyError, type DamagedWhat } from './errors';

/**
 * The key-derivation parameters Stedsans chooses, the bounds it holds every stored or imported
 * parameter set to, and how strong a set is, in words the Settings screen can use.
 */

export interface Argon2Cost {
	/** Memory in KiB. */
	m: number;
	/** Passes over the memory. */
	t: number;
	/** Lanes. */
	p: number;
}

/**
 * OWASP Password Storage Cheat Sheet (2023): "a minimum configuration of 19 MiB of memory, an
 * iteration count of 2, and 1 degree of parallelism". Nothing weaker is ever chosen.
 */
export const ARGON2_FLOOR: Argon2Cost = { m: 19 * 1024, t: 2, p: 1 };

/** The Argon2id costs tried for a new key, strongest first, until the device can allocate one. */
export const ARGON2_CHAIN: readonly Argon2Cost[] = [
	// RFC 9106 §4, the second recommended option (64 MiB, t = 3); p = 1 because hash-wasm runs
	// on one thread, and more lanes would only cost time here, not an attacker.
	{ m: 64 * 1024, t: 3, p: 1 },
	// Half the memory with a pass more, for a phone that cannot give 64 MiB: two thirds of the
	// full cost (memory × passes), where OWASP's 46 MiB/t = 1 kept a quarter.
	{ m: 32 * 1024, t: 4, p: 1 },
	ARGON2_FLOOR
];

/** OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC-SHA256 needs ≥ 600,000 iterations. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;

/**
 * The most any parameter set may ask for: what this app itself would choose. A file asking for
 * more (a hostile backup demanding 256 MiB and ten passes, to stall or crash the phone that
 * opens it) is refused before any work is done.
 */
export const ARGON2_MAX = {
	m: Math.max(...ARGON2_CHAIN.map((c) => c.m)),
	t: Math.max(...ARGON2_CHAIN.map((c) => c.t)),
	p: Math.max(...ARGON2_CHAIN.map((c) => c.p)),
	/** Memory × passes, in KiB. */
	cost: Math.max(...ARGON2_CHAIN.map((c) => c.m * c.t))
};

const Salt = z.base64().refine((s) => s.length === 24, 'salt must be 16 bytes');

/** Parameters of the right shape, whatever they cost; the floors are RFC 9106's and OWASP's. */
export const KdfShape = z.discriminatedUnion('alg', [
	z.object({
		alg: z.literal('argon2id'),
		m: z.number().int().min(8),
		t: z.number().int().min(1),
		p: z.number().int().min(1),
		salt: Salt
	}),
	z.object({
		alg: z.literal('pbkdf2-sha256'),
		iterations: z.number().int().min(PBKDF2_ITERATIONS),
		salt: Salt
	})
]);
type KdfShape = z.infer<typeof KdfShape>;

/** Whether a parameter set costs no more than what this app would choose. */
export function withinAppBounds(k: KdfShape): boolean {
	if (k.alg === 'pbkdf2-sha256') return k.iterations <= PBKDF2_ITERATIONS;
	return (
		k.m <= ARGON2_MAX.m &&
		k.t <= ARGON2_MAX.t &&
		k.p <= ARGON2_MAX.p &&
		k.m * k.t <= ARGON2_MAX.cost
	);
}

/**
 * Refuses, with KdfTooCostlyError, parameters of the right shape that cost more than this app
 * would choose; anything else is left to the full schema (which calls a wrong shape damaged).
 */
export function assertAffordable(what: DamagedWhat, kdf: unknown): void {
	const shape = KdfShape.safeParse(kdf);
	if (!shape.success || withinAppBounds(shape.data)) return;
	const k = shape.data;
	throw new KdfTooCostlyError(
		what,
		k.alg === 'pbkdf2-sha256'
			? { iterations: k.iterations }
			: { memoryMiB: Math.round(k.m / 1024), passes: k.t }
	);
}

/** Stored and imported parameters: the right shape, and within what this app would choose. */
export const KdfParams = z.discriminatedUnion('alg', [
	KdfShape.options[0].refine(withinAppBounds, 'costs more than Stedsans would choose'),
	KdfShape.options[1].refine(withinAppBounds, 'costs more than Stedsans would choose')
]);
export type KdfParams = z.infer<typeof KdfParams>;

/**
 * How hard a key made with these parameters is to guess, in the words Settings uses:
 * `full` (the first choice), `reduced` (a memory fallback, at or above OWASP's minimum),
 * `pbkdf2` (no WebAssembly: far cheaper to guess on a GPU), `weak` (below OWASP's minimum: the
 * app never makes one; tests do, to run fast).
 */
export type KdfStrength = 'full' | 'reduced' | 'pbkdf2' | 'weak';

export function kdfStrength(k: KdfParams): KdfStrength {
	if (k.alg === 'pbkdf2-sha256') return 'pbkdf2';
	const [full] = ARGON2_CHAIN;
	if (k.m >= full!.m && k.t >= full!.t) return 'full';
	const floorCost = ARGON2_FLOOR.m * ARGON2_FLOOR.t;
	return k.m >= ARGON2_FLOOR.m && k.m * k.t >= floorCost ? 'reduced' : 'weak';
}
