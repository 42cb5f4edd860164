import { z } from 'zod';
import { fromBase64, fromUtf8, randomBytes, toBase64, utf8, wipe, type Bytes } from './bytes';
import { DamagedError, UnsupportedVersionError, WrongPassphraseError } from './errors';
import { deriveNewSecret, deriveSecret, KdfParams, type KdfOptions } from './kdf';
import { assertAffordable } from './kdf-params';
import { checkMatches, splitSecret } from './kek';
import { newSalt } from './team-key';

/**
 * The encrypted file for backups and team packages: a small JSON document that says how to derive
 * the key from a passphrase (Argon2id parameters and salt), a check value, and the AES-256-GCM
 * ciphertext. The header is bound into the cipher as additional data, so editing the parameters
 * or the kind of content makes the file fail to open as damaged. The check value (see kek.ts)
 * tells a wrong passphrase from a damaged file.
 *
 * A team package may instead be sealed with the team's shared package key (team-key.ts): then
 * `kdf` says `team-key`, names the key by its id, and carries a fresh HKDF salt, so every file has
 * its own AES key although the team's key stays the same.
 */
export const ENVELOPE_FORMAT = 'stedsans-envelope';
export const ENVELOPE_VERSION = 1;

export const TeamKeyLock = z.object({
	alg: z.literal('team-key'),
	/** teamKeyId() of the key, so an import can tell "another team's key" from "damaged". */
	id: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/),
	salt: z.base64().length(24)
});
export type TeamKeyLock = z.infer<typeof TeamKeyLock>;

export const Lock = z.discriminatedUnion('alg', [...KdfParams.options, TeamKeyLock]);

export const EnvelopeHeader = z.object({
	format: z.literal(ENVELOPE_FORMAT),
	version: z.literal(ENVELOPE_VERSION),
	/** What is inside, e.g. "backup" or "team-package", so an import can refuse the wrong one. */
	kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
	kdf: Lock,
	check: z.base64().length(24),
	iv: z.base64().length(16)
});
export const Envelope = EnvelopeHeader.extend({ ciphertext: z.base64().min(24) });
export type Envelope = z.infer<typeof Envelope>;

const headerBytes = (h: z.infer<typeof EnvelopeHeader>) =>
	utf8(JSON.stringify([h.format, h.version, h.kind, h.kdf, h.check, h.iv]));

type Header = z.infer<typeof EnvelopeHeader>;

/** The key-encryption key and check value of a file: HKDF of the secret, salted for a team key. */
export function fileKeys(secret: Bytes, lock: Header['kdf']) {
	return lock.alg === 'team-key' ? splitSecret(secret, fromBase64(lock.salt)) : splitSecret(secret);
}

async function seal(plaintext: Bytes, kind: string, lock: Header['kdf'], secret: Bytes) {
	const { kek, check } = await fileKeys(secret, lock);
	const header = EnvelopeHeader.parse({
		format: ENVELOPE_FORMAT,
		version: ENVELOPE_VERSION,
		kind,
		kdf: lock,
		check: toBase64(check),
		iv: toBase64(randomBytes(12)) // NIST SP 800-38D §8.2.2; one seal per derived key
	});
	const ciphertext = await globalThis.crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv: fromBase64(header.iv), additionalData: headerBytes(header) },
		kek,
		plaintext
	);
	return JSON.stringify({ ...header, ciphertext: toBase64(new Uint8Array(ciphertext)) });
}

const asBytes = (content: Bytes | string) =>
	typeof content === 'string' ? utf8(content) : content;

/** Encrypts `content` under `passphrase`; returns the file's text. */
export async function sealEnvelope(
	content: Bytes | string,
	passphrase: string,
	options: KdfOptions & { kind?: string } = {}
): Promise<string> {
	const { params, secret } = await deriveNewSecret(passphrase, options);
	try {
		return await seal(asBytes(content), options.kind ?? 'backup', params, secret);
	} finally {
		wipe(secret);
	}
}

/** Encrypts `content` under a team package key (`secret`, named by its `keyId`). */
export async function sealEnvelopeWithKey(
	content: Bytes | string,
	key: { secret: Bytes; id: string },
	kind = 'team-package'
): Promise<string> {
	return seal(asBytes(content), kind, { alg: 'team-key', id: key.id, salt: newSalt() }, key.secret);
}

/** Whether a file looks like an envelope at all (to choose between "encrypted" and "plain"). */
export function isEnvelope(text: string): boolean {
	return /^\s*\{\s*"format"\s*:\s*"stedsans-envelope"/.test(text.slice(0, 200));
}

/**
 * Parses and validates the file without decrypting it; throws DamagedError naming the problem,
 * or KdfTooCostlyError when it asks for more than this app would choose.
 */
export function readEnvelope(text: string): Envelope {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new DamagedError('envelope', 'not-json');
	}
	if (typeof json !== 'object' || json === null) throw new DamagedError('envelope', 'wrong-format');
	const { format, version } = json as { format?: unknown; version?: unknown };
	if (format !== ENVELOPE_FORMAT) throw new DamagedError('envelope', 'wrong-format');
	if (typeof version === 'number' && version > ENVELOPE_VERSION)
		throw new UnsupportedVersionError('envelope', version);
	assertAffordable('envelope', (json as { kdf?: unknown }).kdf);
	const parsed = Envelope.safeParse(json);
	if (!parsed.success)
		throw new DamagedError('envelope', 'invalid', parsed.error.issues[0]?.path.join('.'));
	return parsed.data;
}

export interface OpenedEnvelope {
	kind: string;
	content: Bytes;
	text(): string;
}

/** How a file is locked: with a passphrase, or with the team key of this id. */
export function envelopeLock(
	envelope: Envelope
): { type: 'passphrase' } | { type: 'team-key'; id: string } {
	return envelope.kdf.alg === 'team-key'
		? { type: 'team-key', id: envelope.kdf.id }
		: { type: 'passphrase' };
}

async function open(envelope: Envelope, secret: Bytes): Promise<OpenedEnvelope> {
	const { ciphertext, ...header } = envelope;
	let plaintext: ArrayBuffer;
	try {
		const { kek, check } = await fileKeys(secret, header.kdf);
		if (!checkMatches(fromBase64(header.check), check)) throw new WrongPassphraseError();
		plaintext = await globalThis.crypto.subtle
			.decrypt(
				{ name: 'AES-GCM', iv: fromBase64(header.iv), additionalData: headerBytes(header) },
				kek,
				fromBase64(ciphertext)
			)
			.catch(() => {
				throw new DamagedError('envelope', 'tampered');
			});
	} finally {
		wipe(secret);
	}
	const content = new Uint8Array(plaintext);
	return { kind: header.kind, content, text: () => fromUtf8(content) };
}

/** Decrypts; WrongPassphraseError if the passphrase is wrong, DamagedError if the file is. */
export async function openEnvelope(
	text: string | Envelope,
	passphrase: string,
	options: KdfOptions = {}
): Promise<OpenedEnvelope> {
	const envelope = typeof text === 'string' ? readEnvelope(text) : text;
	if (envelope.kdf.alg === 'team-key') throw new WrongPassphraseError();
	return open(envelope, await deriveSecret(passphrase, envelope.kdf, options));
}

/**
 * Decrypts a file sealed with a team key; WrongPassphraseError if it was sealed with another key
 * (or with a passphrase), DamagedError if it was changed.
 */
export async function openEnvelopeWithKey(
	text: string | Envelope,
	secret: Bytes
): Promise<OpenedEnvelope> {
	const envelope = typeof text === 'string' ? readEnvelope(text) : text;
	if (envelope.kdf.alg !== 'team-key') throw new WrongPassphraseError();
	return open(envelope, secret.slice());
}
