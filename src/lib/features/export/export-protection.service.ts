import {
	DamagedError,
	envelopeLock,
	isEnvelope,
	KdfTooCostlyError,
	KdfUnavailableError,
	openEnvelope,
	openEnvelopeWithKey,
	readEnvelope,
	UnsupportedVersionError,
	WrongPassphraseError,
	type KdfOptions,
	type OpenedEnvelope
} from '$lib/crypto';
import { utf8, wipe, type Bytes } from '$lib/crypto/bytes';
import {
	CHUNKED_VERSION,
	envelopeVersion,
	openChunkedWhole,
	sealChunked,
	type ChunkedHeader
} from '$lib/crypto/chunked-envelope';
import { deriveNewSecret, deriveSecret } from '$lib/crypto/kdf';
import { newSalt } from '$lib/crypto/team-key';
import { storedTeamKey } from '$lib/features/exchange/team-key.service';

/**
 * How an export file is protected. Encrypted is the default; plaintext is only written when the
 * user has ticked the worded confirmation, and the type makes the caller say so.
 */
export type Protection =
	| { kind: 'passphrase'; passphrase: string }
	| { kind: 'team-key' }
	| { kind: 'plaintext'; confirmed: true };

export type EnvelopeKind = 'backup' | 'team-package' | 'qda-project';

export class PlaintextNotConfirmedError extends Error {
	override readonly name = 'PlaintextNotConfirmedError';
	constructor() {
		super('A plaintext export needs the confirmation that the file is not encrypted');
	}
}

export class WeakPassphraseError extends Error {
	override readonly name = 'WeakPassphraseError';
	constructor() {
		super('The passphrase is too weak to protect an export');
	}
}

export class NoTeamKeyError extends Error {
	override readonly name = 'NoTeamKeyError';
	constructor() {
		super('No team package key is set up');
	}
}

export interface ProtectOptions {
	/** Tests pass a cheap Argon2id cost; the app never does. */
	kdf?: KdfOptions;
	/** Words an attacker could know (the profile name), for the strength check. */
	userInputs?: readonly string[];
}

/**
 * Turns the export's text (or bytes, for a ZIP) into the file's content: an envelope's text, or
 * (confirmed) the content itself.
 */
export async function protectFile(
	text: string,
	kind: EnvelopeKind,
	protection: Protection,
	options?: ProtectOptions
): Promise<string>;
export async function protectFile(
	bytes: Uint8Array<ArrayBuffer>,
	kind: EnvelopeKind,
	protection: Protection,
	options?: ProtectOptions
): Promise<string | Uint8Array<ArrayBuffer>>;
export async function protectFile(
	text: string | Uint8Array<ArrayBuffer>,
	kind: EnvelopeKind,
	protection: Protection,
	options: ProtectOptions = {}
): Promise<string | Uint8Array<ArrayBuffer>> {
	switch (protection.kind) {
		case 'plaintext':
			if (protection.confirmed !== true) throw new PlaintextNotConfirmedError();
			return text;
		case 'passphrase': {
			// The same policy as the workspace passphrase; the estimator loads only when exporting.
			const { checkPassphrase } = await import('$lib/crypto/passphrase');
			if (!checkPassphrase(protection.passphrase, options.userInputs).acceptable)
				throw new WeakPassphraseError();
			const { params, secret } = await deriveNewSecret(protection.passphrase, options.kdf);
			try {
				return await sealChunked(bytesOf(text), kind, params, secret);
			} finally {
				wipe(secret);
			}
		}
		case 'team-key': {
			const key = await storedTeamKey();
			if (!key) throw new NoTeamKeyError();
			return sealChunked(
				bytesOf(text),
				kind,
				{ alg: 'team-key', id: key.id, salt: newSalt() },
				key.secret
			);
		}
		default:
			throw new PlaintextNotConfirmedError();
	}
}

/** Why an encrypted file could not be opened; `encrypted` means "ask for the passphrase". */
export type EnvelopeProblem =
	| { kind: 'encrypted' }
	| { kind: 'wrong-passphrase' }
	| { kind: 'no-team-key'; id: string }
	| { kind: 'other-team-key'; id: string; mine: string }
	| { kind: 'damaged-envelope' }
	| { kind: 'envelope-version'; version: number }
	| { kind: 'kdf-unavailable'; reason: 'memory' | 'no-wasm' }
	| { kind: 'kdf-too-costly'; asked: KdfTooCostlyError['asked'] }
	| { kind: 'wrong-content' };

/** An envelope is base64 inside JSON: 4/3 of what it holds, and a small header. */
export function envelopeLimit(plaintextLimit: number): number {
	return Math.ceil((plaintextLimit * 4) / 3) + 64 * 1024;
}

export type Opened =
	| {
			ok: true;
			text: string;
			encrypted: boolean;
			/** With `binary`, what the envelope held, as bytes (a ZIP is not text). */
			content?: Uint8Array;
	  }
	| { ok: false; problem: EnvelopeProblem };

/**
 * The export's text from a chosen file: a plaintext file as it is, an envelope opened with the
 * passphrase given or the team key in Settings. Nothing is written here.
 */
export async function openFile(
	text: string,
	kind: EnvelopeKind,
	unlock: { passphrase?: string; kdf?: KdfOptions; binary?: boolean } = {}
): Promise<Opened> {
	if (!isEnvelope(text)) return { ok: true, text, encrypted: false };
	// Binary content (a ZIP) is returned as bytes: decoding it as UTF-8 would fail.
	const read = (o: OpenedEnvelope) =>
		unlock.binary
			? { ok: true as const, text: '', encrypted: true, content: o.content }
			: { ok: true as const, text: o.text(), encrypted: true };
	try {
		if (envelopeVersion(text) === CHUNKED_VERSION) return await openChunkedFile(text, kind, unlock);
		const envelope = readEnvelope(text);
		if (envelope.kind !== kind) return { ok: false, problem: { kind: 'wrong-content' } };
		const lock = envelopeLock(envelope);
		if (lock.type === 'team-key') {
			const key = await storedTeamKey();
			if (!key) return { ok: false, problem: { kind: 'no-team-key', id: lock.id } };
			if (key.id !== lock.id)
				return { ok: false, problem: { kind: 'other-team-key', id: lock.id, mine: key.id } };
			return read(await openEnvelopeWithKey(envelope, key.secret));
		}
		if (unlock.passphrase === undefined) return { ok: false, problem: { kind: 'encrypted' } };
		return read(await openEnvelope(envelope, unlock.passphrase, unlock.kdf));
	} catch (e) {
		const problem = envelopeProblemOf(e);
		if (problem) return { ok: false, problem };
		throw e;
	}
}

/** Why a chunked envelope was not opened before its key was made: an answer, not a failure. */
class NotOpened extends Error {
	constructor(readonly problem: EnvelopeProblem) {
		super(problem.kind);
	}
}

/** A version 2 (chunked) envelope from its whole text: the same checks and answers as version 1. */
async function openChunkedFile(
	text: string,
	kind: EnvelopeKind,
	unlock: { passphrase?: string; kdf?: KdfOptions; binary?: boolean }
): Promise<Opened> {
	const keyFor = async (header: ChunkedHeader): Promise<Bytes> => {
		if (header.kind !== kind) throw new NotOpened({ kind: 'wrong-content' });
		const lock = header.kdf;
		if (lock.alg === 'team-key') {
			const key = await storedTeamKey();
			if (!key) throw new NotOpened({ kind: 'no-team-key', id: lock.id });
			if (key.id !== lock.id)
				throw new NotOpened({ kind: 'other-team-key', id: lock.id, mine: key.id });
			return key.secret.slice();
		}
		if (unlock.passphrase === undefined) throw new NotOpened({ kind: 'encrypted' });
		return deriveSecret(unlock.passphrase, lock, unlock.kdf);
	};
	let content: Uint8Array;
	try {
		content = await openChunkedWhole(text, keyFor);
	} catch (e) {
		if (e instanceof NotOpened) return { ok: false, problem: e.problem };
		throw e;
	}
	return unlock.binary
		? { ok: true, text: '', encrypted: true, content }
		: { ok: true, text: new TextDecoder().decode(content), encrypted: true };
}

/** What a failure to open an encrypted file means to the user, or null for a bug. */
export function envelopeProblemOf(e: unknown): EnvelopeProblem | null {
	if (e instanceof WrongPassphraseError) return { kind: 'wrong-passphrase' };
	if (e instanceof DamagedError) return { kind: 'damaged-envelope' };
	if (e instanceof UnsupportedVersionError) return { kind: 'envelope-version', version: e.version };
	if (e instanceof KdfTooCostlyError) return { kind: 'kdf-too-costly', asked: e.asked };
	if (e instanceof KdfUnavailableError) return { kind: 'kdf-unavailable', reason: e.reason };
	return null;
}

/** A text export as UTF-8; a binary one (a ZIP) as it is. */
function bytesOf(content: string | Uint8Array<ArrayBuffer>): Bytes {
	return typeof content === 'string' ? utf8(content) : content;
}
