import { argon2id } from 'hash-wasm';
import { fromBase64, randomBytes, toBase64, utf8, wipe, type Bytes } from './bytes';
import { KdfUnavailableError } from './errors';
import {
	ARGON2_CHAIN,
	PBKDF2_ITERATIONS,
	SALT_BYTES,
	type Argon2Cost,
	type KdfParams
} from './kdf-params';

/**
 * Key derivation from a passphrase. Argon2id (RFC 9106) in WebAssembly (hash-wasm), with a chain
 * of costs for devices that cannot give it the memory (never below OWASP's minimum), and
 * PBKDF2-SHA256 only where there is no WebAssembly at all (kdf-params.ts). What was used is
 * stored beside the wrapped key, so unlocking repeats it.
 */

export {
	ARGON2_CHAIN,
	ARGON2_FLOOR,
	KdfParams,
	kdfStrength,
	PBKDF2_ITERATIONS,
	SALT_BYTES,
	type Argon2Cost,
	type KdfStrength
} from './kdf-params';

const SECRET_BYTES = 32;

export interface Argon2Input extends Argon2Cost {
	password: Bytes;
	salt: Bytes;
	hashLength: number;
}

export interface KdfOptions {
	/** Stand-in for hash-wasm's argon2id (tests simulate a failed allocation with it). */
	argon2?: (input: Argon2Input) => Promise<Uint8Array>;
	/** Whether WebAssembly can be used; detected when not given. */
	wasm?: boolean;
	/** The Argon2id costs to try, strongest first. Tests pass cheap ones; the app never does. */
	chain?: readonly Argon2Cost[];
}

const hashWasm = (i: Argon2Input) =>
	argon2id({
		password: i.password,
		salt: i.salt,
		memorySize: i.m,
		iterations: i.t,
		parallelism: i.p,
		hashLength: i.hashLength,
		outputType: 'binary'
	});

export function wasmAvailable(): boolean {
	return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
}

/**
 * A failed `new WebAssembly.Memory` / `memory.grow` surfaces as a RangeError ("could not
 * allocate memory", "Invalid typed array length") or an out-of-memory RuntimeError.
 */
function isAllocationFailure(e: unknown): boolean {
	if (e instanceof RangeError) return true;
	return e instanceof Error && /memory|alloc/i.test(e.message);
}

/** A CSP without 'wasm-unsafe-eval' refuses to compile: to us that is "no WebAssembly". */
function isWasmBlocked(e: unknown): boolean {
	return typeof WebAssembly === 'object' && e instanceof WebAssembly.CompileError;
}

/** NIST SP 800-63B §5.1.1.2: normalise (NFKC) so the same passphrase typed anywhere matches. */
export function passphraseBytes(passphrase: string): Bytes {
	return utf8(passphrase.normalize('NFKC'));
}

async function pbkdf2(password: Bytes, salt: Bytes, iterations: number): Promise<Bytes> {
	const subtle = globalThis.crypto.subtle;
	const base = await subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
	const bits = await subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		base,
		SECRET_BYTES * 8
	);
	return new Uint8Array(bits);
}

async function run(password: Bytes, params: KdfParams, options: KdfOptions): Promise<Bytes> {
	const salt = fromBase64(params.salt);
	if (params.alg === 'pbkdf2-sha256') return pbkdf2(password, salt, params.iterations);
	const out = await (options.argon2 ?? hashWasm)({
		password,
		salt,
		m: params.m,
		t: params.t,
		p: params.p,
		hashLength: SECRET_BYTES
	});
	return new Uint8Array(out);
}

/** Derives the 32-byte secret with stored parameters (unlock). */
export async function deriveSecret(
	passphrase: string,
	params: KdfParams,
	options: KdfOptions = {}
): Promise<Bytes> {
	const password = passphraseBytes(passphrase);
	try {
		if (params.alg === 'argon2id' && !(options.wasm ?? wasmAvailable()))
			throw new KdfUnavailableError('no-wasm');
		return await run(password, params, options);
	} catch (e) {
		if (e instanceof KdfUnavailableError) throw e;
		if (isWasmBlocked(e)) throw new KdfUnavailableError('no-wasm', { cause: e });
		if (isAllocationFailure(e)) throw new KdfUnavailableError('memory', { cause: e });
		throw e;
	} finally {
		wipe(password);
	}
}

/**
 * Chooses parameters for a new key (first run, new passphrase, export) and derives the secret:
 * the strongest Argon2id cost this device can allocate, PBKDF2 only without WebAssembly.
 */
export async function deriveNewSecret(
	passphrase: string,
	options: KdfOptions = {}
): Promise<{ params: KdfParams; secret: Bytes }> {
	const salt = toBase64(randomBytes(SALT_BYTES));
	let wasm = options.wasm ?? wasmAvailable();
	let lastFailure: unknown;
	for (const cost of wasm ? (options.chain ?? ARGON2_CHAIN) : []) {
		const params: KdfParams = { alg: 'argon2id', ...cost, salt };
		try {
			return { params, secret: await deriveSecret(passphrase, params, { ...options, wasm }) };
		} catch (e) {
			if (!(e instanceof KdfUnavailableError)) throw e;
			lastFailure = e;
			if (e.reason === 'no-wasm') {
				wasm = false;
				break;
			}
		}
	}
	if (wasm) throw new KdfUnavailableError('memory', { cause: lastFailure });
	const params: KdfParams = { alg: 'pbkdf2-sha256', iterations: PBKDF2_ITERATIONS, salt };
	return { params, secret: await deriveSecret(passphrase, params, options) };
}
