/**
 * Typed failures, so the UI can say the right thing: a wrong passphrase is the user's to retry,
 * a damaged file is not, and neither message may hint at what the data holds.
 */
export class WrongPassphraseError extends Error {
	override readonly name = 'WrongPassphraseError';
	constructor() {
		super('The passphrase is not right');
	}
}

export class WrongRecoveryKeyError extends Error {
	override readonly name = 'WrongRecoveryKeyError';
	constructor(readonly problem: 'length' | 'character' | 'checksum' | 'not-this-key') {
		super(`The recovery key is not right (${problem})`);
	}
}

export type DamagedWhat = 'key-file' | 'envelope' | 'payload';
export type DamagedReason = 'not-json' | 'wrong-format' | 'invalid' | 'tampered';

/** The data is not what this app wrote, or was changed since: retrying will not help. */
export class DamagedError extends Error {
	override readonly name = 'DamagedError';
	constructor(
		readonly what: DamagedWhat,
		readonly reason: DamagedReason,
		detail?: string
	) {
		super(`The ${what} is damaged (${reason}${detail ? `: ${detail}` : ''})`);
	}
}

/**
 * What is stored was changed outside Stedsans: the vault's state does not carry this workspace's
 * tag, or a record is not sealed where every record must be. Nothing of it is acted on.
 */
export class ChangedOutsideError extends Error {
	override readonly name = 'ChangedOutsideError';
	constructor(
		readonly what: 'vault-state' | 'record',
		detail?: string
	) {
		super(`Stored data was changed outside Stedsans (${what}${detail ? `: ${detail}` : ''})`);
	}
}

/** Written by a newer version of Stedsans: update the app. */
export class UnsupportedVersionError extends Error {
	override readonly name = 'UnsupportedVersionError';
	constructor(
		readonly what: DamagedWhat,
		readonly version: number
	) {
		super(`The ${what} was written by a newer version (${version})`);
	}
}

/**
 * The key cannot be derived here: Argon2id could not get its memory (close other apps and try
 * again) or WebAssembly is missing (a key made with Argon2id cannot be opened with PBKDF2).
 */
export class KdfUnavailableError extends Error {
	override readonly name = 'KdfUnavailableError';
	constructor(
		readonly reason: 'memory' | 'no-wasm',
		options?: { cause?: unknown }
	) {
		super(`The key cannot be derived on this device (${reason})`, options);
	}
}

/**
 * A file or key file asks for a key derivation more costly than this app would ever choose
 * (kdf-params.ts): not made by Stedsans, or changed to stall the device that opens it. Refused
 * before any work is done. `asked` says what it wanted, for the message.
 */
export class KdfTooCostlyError extends Error {
	override readonly name = 'KdfTooCostlyError';
	constructor(
		readonly what: DamagedWhat,
		readonly asked: { memoryMiB: number; passes: number } | { iterations: number }
	) {
		super(`The ${what} asks for a key derivation costlier than Stedsans uses`);
	}
}

/** Data was asked for while the keys are dropped. */
export class LockedError extends Error {
	override readonly name = 'LockedError';
	constructor() {
		super('Stedsans is locked');
	}
}
