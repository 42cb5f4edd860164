import { JSONParser, TokenizerError, TokenParserError } from '@streamparser/json';
import { z } from 'zod';
import { fromBase64, randomBytes, toBase64, utf8, wipe, type Bytes } from './bytes';
import { DamagedError, UnsupportedVersionError, WrongPassphraseError } from './errors';
import { ENVELOPE_FORMAT, fileKeys, Lock, openEnvelope, openEnvelopeWithKey } from './envelope';
import { deriveSecret, type KdfOptions } from './kdf';
import { assertAffordable } from './kdf-params';
import { checkMatches } from './kek';

/**
 * Version 2 of the export envelope: the same header (format, kind, how the key is made, a check
 * value), and the content sealed in chunks of 1 MiB instead of one ciphertext, so that an import
 * can decrypt and parse a 200 MB backup a chunk at a time instead of holding the file, its
 * ciphertext and its plaintext whole (docs/backup-format.md).
 *
 * Each chunk is AES-256-GCM with a fresh random IV (stored in front of it) and, as additional
 * data, the header, the chunk's index and whether it is the last: a chunk cannot be moved,
 * dropped, repeated or cut off at the end without the file failing to open as damaged. The
 * header fields come before the chunks, so the key is known when the first chunk arrives.
 */
export const CHUNKED_VERSION = 2;
export const CHUNK_BYTES = 1 << 20;

const ChunkedHeader = z.object({
	format: z.literal(ENVELOPE_FORMAT),
	version: z.literal(CHUNKED_VERSION),
	kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
	kdf: Lock,
	check: z.base64().length(24),
	chunkBytes: z
		.number()
		.int()
		.min(1024)
		.max(16 << 20)
});
export type ChunkedHeader = z.infer<typeof ChunkedHeader>;

const headerBytes = (h: ChunkedHeader) =>
	JSON.stringify([h.format, h.version, h.kind, h.kdf, h.check, h.chunkBytes]);
const aad = (h: ChunkedHeader, index: number, last: boolean) =>
	utf8(`${headerBytes(h)}/${index}/${last ? 'last' : 'more'}`);

/** Seals `content` into a chunked envelope; `secret` is what `lock` derives (or the team key). */
export async function sealChunked(
	content: Bytes,
	kind: string,
	lock: ChunkedHeader['kdf'],
	secret: Bytes
): Promise<string> {
	const { kek, check } = await fileKeys(secret, lock);
	const header = ChunkedHeader.parse({
		format: ENVELOPE_FORMAT,
		version: CHUNKED_VERSION,
		kind,
		kdf: lock,
		check: toBase64(check),
		chunkBytes: CHUNK_BYTES
	});
	const chunks: string[] = [];
	for (let at = 0, i = 0; at < content.length || i === 0; at += CHUNK_BYTES, i++) {
		const last = at + CHUNK_BYTES >= content.length;
		const iv = randomBytes(12); // NIST SP 800-38D §8.2.2: random, fresh for every chunk
		const sealed = await globalThis.crypto.subtle.encrypt(
			{ name: 'AES-GCM', iv, additionalData: aad(header, i, last) },
			kek,
			content.subarray(at, at + CHUNK_BYTES)
		);
		const out = new Uint8Array(12 + sealed.byteLength);
		out.set(iv);
		out.set(new Uint8Array(sealed), 12);
		chunks.push(toBase64(out));
	}
	return JSON.stringify({ ...header, chunks });
}

/** The version of an envelope from the first bytes of its file, or null for another file. */
export function envelopeVersion(head: string): number | null {
	const m = /^\s*\{\s*"format"\s*:\s*"stedsans-envelope"\s*,\s*"version"\s*:\s*(\d{1,4})/.exec(
		head
	);
	return m ? Number(m[1]) : null;
}

const HEADER_KEYS = ['format', 'version', 'kind', 'kdf', 'check', 'chunkBytes'] as const;

/**
 * Opens a chunked envelope as it streams in: `keyFor(header)` gives the secret for its lock
 * (after checking the kind, the lock and what it costs), and each chunk's plaintext goes to
 * `sink` in order, once it is authenticated. Throws WrongPassphraseError, DamagedError or
 * UnsupportedVersionError; nothing reaches `sink` before the check value matched.
 */
export async function openChunked(
	source: AsyncIterable<Uint8Array>,
	keyFor: (header: ChunkedHeader) => Promise<Bytes>,
	sink: (plaintext: Uint8Array) => Promise<void>
): Promise<ChunkedHeader> {
	const fields: Record<string, unknown> = {};
	const pending: string[] = [];
	let header: ChunkedHeader | null = null;
	let kek: CryptoKey | null = null;
	let index = 0;
	let ended = false;
	const parser = new JSONParser({
		paths: [...HEADER_KEYS.map((k) => `$.${k}`), '$.chunks.*'],
		keepStack: false
	});
	parser.onValue = ({ value, key, stack }) => {
		if (stack.length === 1 && typeof key === 'string') fields[key] = value;
		else if (stack.length === 2 && stack[1]?.key === 'chunks') {
			if (typeof value !== 'string') throw new DamagedError('envelope', 'invalid', 'chunks');
			pending.push(value);
		}
	};
	parser.onEnd = () => void (ended = true);

	const open = async () => {
		if (fields.version !== CHUNKED_VERSION && typeof fields.version === 'number')
			throw new UnsupportedVersionError('envelope', fields.version);
		assertAffordable('envelope', fields.kdf);
		const parsed = ChunkedHeader.safeParse(fields);
		if (!parsed.success)
			throw new DamagedError('envelope', 'invalid', parsed.error.issues[0]?.path.join('.'));
		const secret = await keyFor(parsed.data);
		try {
			const keys = await fileKeys(secret, parsed.data.kdf);
			if (!checkMatches(fromBase64(parsed.data.check), keys.check))
				throw new WrongPassphraseError();
			kek = keys.kek;
		} finally {
			wipe(secret);
		}
		header = parsed.data;
	};
	// The last chunk is known only when the array ends, so each chunk waits for the next.
	const decrypt = async (chunk: string, last: boolean) => {
		const bytes = fromBase64(chunk);
		const plain = await globalThis.crypto.subtle
			.decrypt(
				{ name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: aad(header!, index, last) },
				kek!,
				bytes.subarray(12)
			)
			.catch(() => {
				throw new DamagedError('envelope', 'tampered', `chunk ${index}`);
			});
		index++;
		await sink(new Uint8Array(plain));
	};
	const drain = async (final: boolean) => {
		while (pending.length > (final ? 0 : 1)) {
			if (!header) await open();
			const chunk = pending.shift()!;
			await decrypt(chunk, final && pending.length === 0);
		}
	};

	try {
		for await (const bytes of source) {
			if (ended) throw new DamagedError('envelope', 'invalid', 'after the end');
			parser.write(bytes);
			await drain(false);
		}
		if (!ended) parser.end();
	} catch (e) {
		if (e instanceof TokenizerError || e instanceof TokenParserError)
			throw new DamagedError('envelope', 'not-json');
		throw e;
	}
	if (!header && pending.length === 0) throw new DamagedError('envelope', 'invalid', 'chunks');
	await drain(true);
	return header!;
}

/**
 * Opens an envelope of either version from its whole text, with a passphrase or a team key's
 * secret: for tests and tools that hold a file anyway (the app streams it, import-stream).
 */
export async function openEnvelopeText(
	text: string,
	key: { passphrase: string; kdf?: KdfOptions } | { secret: Bytes }
): Promise<string> {
	if (envelopeVersion(text) !== CHUNKED_VERSION)
		return (
			'secret' in key
				? await openEnvelopeWithKey(text, key.secret)
				: await openEnvelope(text, key.passphrase, key.kdf)
		).text();
	const content = await openChunkedWhole(text, async (header) =>
		'secret' in key
			? key.secret.slice()
			: header.kdf.alg === 'team-key'
				? Promise.reject(new WrongPassphraseError())
				: deriveSecret(key.passphrase, header.kdf, key.kdf)
	);
	return new TextDecoder().decode(content);
}

/** A chunked envelope held whole as text, opened to its content's bytes (see openChunked). */
export async function openChunkedWhole(
	text: string,
	keyFor: (header: ChunkedHeader) => Promise<Bytes>
): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	async function* whole() {
		yield utf8(text);
	}
	await openChunked(whole(), keyFor, async (p) => void parts.push(p));
	const content = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		content.set(p, at);
		at += p.length;
	}
	return content;
}
