import { z } from 'zod';
import { fromBase64, fromUtf8, randomBytes, toBase64, utf8, wipe, type Bytes } from './bytes';
import { DamagedError, UnsupportedVersionError, WrongPassphraseError } from './errors';
import { deriveNewSecret, deriveSecret, KdfParams, type KdfOptions } from './kdf';
import { checkMatches, splitSecret } from './kek';

/**
 * The encrypted file for backups and team packages: a small JSON document that says how to derive
 * the key from a passphrase (Argon2id parameters and salt), a check value, and the AES-256-GCM
 * ciphertext. The header is bound into the cipher as additional data, so editing the parameters
 * or the kind of content makes the file fail to open as damaged. The check value (see kek.ts)
 * tells a wrong passphrase from a damaged file.
 */
export const ENVELOPE_FORMAT = 'stedsans-envelope';
export const ENVELOPE_VERSION = 1;

export const EnvelopeHeader = z.object({
	format: z.literal(ENVELOPE_FORMAT),
	version: z.literal(ENVELOPE_VERSION),
	/** What is inside, e.g. "backup" or "team-package", so an import can refuse the wrong one. */
	kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
	kdf: KdfParams,
	check: z.base64().length(24),
	iv: z.base64().length(16)
});
export const Envelope = EnvelopeHeader.extend({ ciphertext: z.base64().min(24) });
export type Envelope = z.infer<typeof Envelope>;

const headerBytes = (h: z.infer<typeof EnvelopeHeader>) =>
	utf8(JSON.stringify([h.format, h.version, h.kind, h.kdf, h.check, h.iv]));

/** Encrypts `content` under `passphrase`; returns the file's text. */
export async function sealEnvelope(
	content: Bytes | string,
	passphrase: string,
	options: KdfOptions & { kind?: string } = {}
): Promise<string> {
	const plaintext = typeof content === 'string' ? utf8(content) : content;
	const { params, secret } = await deriveNewSecret(passphrase, options);
	try {
		const { kek, check } = await splitSecret(secret);
		const header = EnvelopeHeader.parse({
			format: ENVELOPE_FORMAT,
			version: ENVELOPE_VERSION,
			kind: options.kind ?? 'backup',
			kdf: params,
			check: toBase64(check),
			iv: toBase64(randomBytes(12)) // NIST SP 800-38D §8.2.2; one seal per derived key
		});
		const ciphertext = await globalThis.crypto.subtle.encrypt(
			{ name: 'AES-GCM', iv: fromBase64(header.iv), additionalData: headerBytes(header) },
			kek,
			plaintext
		);
		return JSON.stringify({ ...header, ciphertext: toBase64(new Uint8Array(ciphertext)) });
	} finally {
		wipe(secret);
	}
}

/** Whether a file looks like an envelope at all (to choose between "encrypted" and "plain"). */
export function isEnvelope(text: string): boolean {
	return /^\s*\{\s*"format"\s*:\s*"stedsans-envelope"/.test(text.slice(0, 200));
}

/** Parses and validates the file without decrypting it; throws DamagedError naming the problem. */
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

/** Decrypts; WrongPassphraseError if the passphrase is wrong, DamagedError if the file is. */
export async function openEnvelope(
	text: string,
	passphrase: string,
	options: KdfOptions = {}
): Promise<OpenedEnvelope> {
	const { ciphertext, ...header } = readEnvelope(text);
	const secret = await deriveSecret(passphrase, header.kdf, options);
	let plaintext: ArrayBuffer;
	try {
		const { kek, check } = await splitSecret(secret);
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
